using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Vault;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// The devices of one account in a private folder: device 0 creates the vault and connects it
/// through the transport, every further device enrolls from its kit.
/// </summary>
internal sealed class SyncAccount : IDisposable
{
    public const string Password = "correct horse battery staple";

    private static int _accounts;
    private readonly TempDirectory _directory = new();
    private readonly List<VaultCreation?> _devices = [];
    private readonly List<VaultSession?> _reopened = [];

    public SyncAccount(ISyncTransport transport, int devices = 2)
    {
        Transport = transport;
        Email = string.Create(CultureInfo.InvariantCulture, $"user{Interlocked.Increment(ref _accounts)}-{Guid.NewGuid():N}@example.com");
        VaultCreation first = transport.CreateFirst(PathOf(0), Email, "device0", SharedFolder);
        _devices.Add(first);
        _reopened.Add(null);
        Kit = first.Kit.ToText();
        for (int i = 1; i < devices; i++)
        {
            AddDevice();
        }
    }

    public ISyncTransport Transport { get; }

    public string Email { get; }

    public string Kit { get; }

    public int Count => _devices.Count;

    /// <summary>A device's session (the one it was created with, or the one it was reopened with).</summary>
    public VaultSession this[int device] => _reopened[device] ?? _devices[device]?.Session ?? throw new InvalidOperationException($"device {device} is closed");

    public string Folder => _directory.Path;

    /// <summary>The folder the devices share when they sync through a folder (created on first use).</summary>
    public string SharedFolder => System.IO.Directory.CreateDirectory(_directory.File("shared")).FullName;

    public string PathOf(int device) => _directory.File(string.Create(CultureInfo.InvariantCulture, $"device{device}.msecure"));

    /// <summary>Enrolls one more device; returns its index.</summary>
    public int AddDevice()
    {
        int index = _devices.Count;
        VaultCreation creation = Transport.Enroll(PathOf(index), Email, Kit, string.Create(CultureInfo.InvariantCulture, $"device{index}"), SharedFolder);
        _devices.Add(creation);
        _reopened.Add(null);
        return index;
    }

    /// <summary>The result of a device's enrollment sync (null for device 0).</summary>
    public SyncResult? InitialSync(int device) => _devices[device]?.InitialSync;

    public SyncResult Sync(int device) => Transport.Sync(this[device], SharedFolder);

    /// <summary>Syncs every device in turn until one whole round pulls and pushes nothing; returns the rounds it took.</summary>
    public int SyncUntilQuiet(int maxRounds = 8)
    {
        for (int round = 1; round <= maxRounds; round++)
        {
            bool quiet = true;
            for (int device = 0; device < Count; device++)
            {
                SyncResult result = Sync(device);
                quiet &= result.Pulled == 0 && result.Pushed == 0;
            }

            if (quiet)
            {
                return round;
            }
        }

        throw new InvalidOperationException($"the devices did not go quiet in {maxRounds} rounds of syncs ({Transport.Name})");
    }

    /// <summary>Closes a device's session (so another process can work on its vault alone).</summary>
    public void Close(int device)
    {
        _reopened[device]?.Dispose();
        _reopened[device] = null;
        _devices[device]?.Dispose();
        _devices[device] = null;
    }

    /// <summary>Unlocks a closed device's vault again.</summary>
    public VaultSession Reopen(int device)
    {
        Close(device);
        _reopened[device] = ServerTransport.Unlock(PathOf(device));
        return _reopened[device]!;
    }

    public Record Add(int device, string name, string password, string notes = "") =>
        this[device].Add(Login(name, password, notes));

    public Record Edit(int device, Guid id, string password, string? name = null)
    {
        Record current = this[device].Get(id);
        return this[device].Update(id, Login(name ?? current.Name, password, current.Notes), current.Revision);
    }

    public static RecordDraft Login(string name, string password, string notes = "")
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", "alice");
        draft.SetField("Password", password);
        draft.Notes = notes;
        return draft;
    }

    public void Dispose()
    {
        for (int device = 0; device < _devices.Count; device++)
        {
            Close(device);
        }

        _directory.Dispose();
    }
}
