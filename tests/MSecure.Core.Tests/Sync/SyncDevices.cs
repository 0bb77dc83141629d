using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Sync;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;

namespace MSecure.Core.Tests.Sync;

/// <summary>Devices of one account (vaults with the same Account Key, each its own vault id) sharing an <see cref="InMemorySyncServer"/>.</summary>
internal sealed class SyncDevices : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly List<VaultCreation> _creations = [];

    public SyncDevices(int count = 2, bool folder = false)
    {
        VaultCreation first = TestVaults.Create(_directory.File("device0.msecure"));
        _creations.Add(first);
        byte[] verifier = first.Session.Use(vault => vault.Read(() => MetaStore.Read(vault.Database).Verifier));
        for (int i = 1; i < count; i++)
        {
            using AccountKey key = first.Kit.Open(TestVaults.Password);
            var binding = new ServerBinding(new Uri(Server.Source), null, Guid.NewGuid(), "device" + i);
            _creations.Add(VaultFile.CreateEnrolled(_directory.File($"device{i}.msecure"), TestVaults.Email, key, first.Kit.AccountId, verifier,
                TestVaults.Password, TestVaults.Kdf, binding));
        }

        if (folder)
        {
            // Folder devices have no server (enrolled from the folder); the binding above only made the enrolled vault.
            for (int i = 1; i < count; i++)
            {
                this[i].Use(vault => vault.WriteMetadata(() =>
                {
                    MetaStore.UpdateServer(vault.Database, null);
                    return 0;
                }));
            }

            FolderPath = _directory.File("shared-folder");
            System.IO.Directory.CreateDirectory(FolderPath);
        }
    }

    public InMemorySyncServer Server { get; } = new();

    /// <summary>The shared folder of folder devices.</summary>
    public string FolderPath { get; } = string.Empty;

    /// <summary>Syncs device <paramref name="device"/> through the shared folder.</summary>
    public SyncResult SyncFolder(int device, bool compact = false) => this[device].SyncFolder(FolderPath, compact);

    public VaultSession this[int device] => _creations[device].Session;

    public string PathOf(int device) => _directory.File($"device{device}.msecure");

    /// <summary>Syncs device <paramref name="device"/> with the shared server.</summary>
    public SyncResult Sync(int device) => Sync(device, Server.For(DeviceId(device)));

    /// <summary>Syncs device <paramref name="device"/> with <paramref name="server"/>.</summary>
    public SyncResult Sync(int device, ISyncServer server) => this[device].Use(vault => ServerSync.Run(vault, server, null));

    public Guid DeviceId(int device) => this[device].Use(vault => vault.VaultId);

    /// <summary>Every record of a device as (id, revision, name, password field), live and history, for comparing devices.</summary>
    public List<string> Snapshot(int device)
    {
        VaultSession session = this[device];
        var lines = session.Use(vault => vault.Read(() =>
        {
            var rows = new List<string>();
            using var reader = vault.Database.Command("SELECT hex(id), revision, deleted FROM records ORDER BY id;").ExecuteReader();
            while (reader.Read())
            {
                rows.Add($"{reader.GetString(0)} r{reader.GetInt64(1)} deleted={reader.GetInt64(2)}");
            }

            return rows;
        }));
        foreach (RecordSummary summary in session.Search(new RecordQuery()).OrderBy(s => s.Id))
        {
            Record record = session.Get(summary.Id);
            lines.Add($"{record.Id} r{record.Revision} {record.Name} {string.Join(",", record.Fields.Select(f => f.Value))}");
            lines.AddRange(session.GetHistory(summary.Id).Select(h => $"  {h.Id} r{h.Revision} {h.Name} {string.Join(",", h.Fields.Select(f => f.Value))}"));
        }

        return lines;
    }

    /// <summary>The vault's (revision of the sealed state, outbox size, sync state bytes), to prove nothing was written.</summary>
    public string WriteMark(int device) => this[device].Use(vault => vault.Read(() =>
        $"{vault.ReadState().Revision}/{SyncOutbox.Count(vault.Database)}/{Convert.ToBase64String(vault.Database.Command("SELECT coalesce(sync_state, x'') FROM meta;").ExecuteScalar() as byte[] ?? [])}"));

    public void Dispose()
    {
        _creations.ForEach(creation => creation.Dispose());
        _directory.Dispose();
    }
}
