namespace MSecure.Core.Sync.Folder;

/// <summary>What <see cref="SyncFolder.EnsureAccount"/> found.</summary>
internal enum FolderAccountStatus
{
    /// <summary>The folder's account file is this account's and its verifier opens with this vault's keys.</summary>
    Verified,

    /// <summary>The folder had no account file: this device wrote it.</summary>
    Created,

    /// <summary>
    /// This device rotated the Account Key: it removed every batch and compaction (sealed under the
    /// old key) and wrote a new account file. The caller starts from <see cref="FolderState.Empty"/>
    /// and writes a full compaction.
    /// </summary>
    TakenOver,
}
