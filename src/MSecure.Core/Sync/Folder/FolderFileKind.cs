namespace MSecure.Core.Sync.Folder;

/// <summary>The two kinds of file a device writes in its folder.</summary>
internal enum FolderFileKind
{
    /// <summary><c>&lt;number:D10&gt;.msync</c>: the changes one sync exported.</summary>
    Batch,

    /// <summary><c>compact-&lt;number:D10&gt;.msync</c>: every change the device held, with the batches it covers.</summary>
    Compaction,
}
