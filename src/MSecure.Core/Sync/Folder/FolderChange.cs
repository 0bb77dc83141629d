using System;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// One change as the folder carries it: a record revision's sync envelope with the ids that bind
/// it. The folder layer never opens <paramref name="Envelope"/>; the engine does (SyncEnvelope).
/// </summary>
/// <param name="RecordId">The record.</param>
/// <param name="ChangeId">The revision's change id.</param>
/// <param name="Deleted">The revision is a tombstone.</param>
/// <param name="Envelope">The sync envelope (29 bytes to AccountProtocol.MaxSyncEnvelopeBytes).</param>
internal sealed record FolderChange(Guid RecordId, Guid ChangeId, bool Deleted, byte[] Envelope);
