namespace MSecure.Core.Sync.Folder;

/// <summary>What a compaction did.</summary>
/// <param name="File">The compaction written.</param>
/// <param name="Changes">The changes it holds.</param>
/// <param name="FilesDeleted">The files it made redundant and deleted.</param>
internal sealed record FolderCompaction(FolderFileName File, int Changes, int FilesDeleted);
