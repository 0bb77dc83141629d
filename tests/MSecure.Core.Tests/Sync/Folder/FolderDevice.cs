using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;

namespace MSecure.Core.Tests.Sync.Folder;

/// <summary>One device of an account on a sync folder: its keys, its vault id and its view of the folder.</summary>
internal sealed class FolderDevice : IDisposable
{
    public FolderDevice(string folder, AccountKey accountKey, Guid accountId, Guid? vaultId = null)
    {
        Keys = AccountKeys.Derive(accountKey, accountId);
        VaultId = vaultId ?? Guid.NewGuid();
        Folder = new SyncFolder(folder, Keys, VaultId);
    }

    public AccountKeys Keys { get; }

    public Guid VaultId { get; }

    public SyncFolder Folder { get; }

    public FolderState State { get; set; } = FolderState.Empty;

    /// <summary>Reads what is new and takes all of it as processed; returns the result.</summary>
    public FolderReadResult Pull()
    {
        FolderReadResult result = Folder.ReadNew(State);
        State = result.State;
        return result;
    }

    /// <summary>A change with a random envelope-sized payload (the folder layer never opens envelopes).</summary>
    public static FolderChange RandomChange(Guid? recordId = null, bool deleted = false, int envelopeLength = 200) =>
        new(recordId ?? Guid.NewGuid(), Guid.NewGuid(), deleted, RandomNumberGenerator.GetBytes(envelopeLength));

    public static List<FolderChange> RandomChanges(int count) => [.. Enumerable.Range(0, count).Select(_ => RandomChange())];

    public void Dispose() => Keys.Dispose();
}
