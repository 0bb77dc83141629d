using System;
using System.Collections.Generic;

namespace MSecure.Core.Sync.Folder;

/// <summary>A batch or compaction file that authenticated and parsed: its changes, not applied yet.</summary>
/// <param name="Name">The file.</param>
/// <param name="Nonce">Its envelope nonce (base64), which tells a rewritten file of the same name apart.</param>
/// <param name="Changes">Its changes.</param>
/// <param name="Covers">A compaction's covered batches per device (empty for a batch).</param>
internal sealed record FolderFileRead(FolderFileName Name, string Nonce, IReadOnlyList<FolderChange> Changes, IReadOnlyDictionary<Guid, long> Covers);
