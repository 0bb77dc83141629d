using System;
using System.Collections.Generic;
using System.Linq;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// What <see cref="SyncFolder.ReadNew"/> found: the new files (compactions first, then batches by
/// device and number) with their changes, the files ignored with a warning, and the state to save
/// once the changes are applied.
/// </summary>
internal sealed class FolderReadResult
{
    private readonly FolderState _before;
    private readonly IReadOnlySet<(Guid Author, long Number)> _compactionsPresent;

    internal FolderReadResult(FolderState before, IReadOnlyList<FolderFileRead> files, IReadOnlyList<SyncWarning> warnings, IReadOnlySet<(Guid Author, long Number)> compactionsPresent)
    {
        _before = before;
        _compactionsPresent = compactionsPresent;
        Files = files;
        Warnings = warnings;
        State = StateExcept([]);
    }

    /// <summary>The new files, compactions first.</summary>
    internal IReadOnlyList<FolderFileRead> Files { get; }

    /// <summary>Every change of the new files (a change may appear more than once: the set is a union).</summary>
    internal IEnumerable<FolderChange> Changes => Files.SelectMany(file => file.Changes);

    /// <summary>Files ignored: never applied, not marked processed (a partial copy may complete later).</summary>
    internal IReadOnlyList<SyncWarning> Warnings { get; }

    /// <summary>The state with every new file processed (and compactions that left the folder forgotten).</summary>
    internal FolderState State { get; }

    /// <summary>
    /// The state with every new file processed except <paramref name="unapplied"/> (files holding a
    /// change that waits for its parent): those are read again by the next sync.
    /// </summary>
    internal FolderState StateExcept(IEnumerable<FolderFileRead> unapplied)
    {
        var skipped = new HashSet<FolderFileName>(unapplied.Select(file => file.Name));
        return _before.With(Files.Where(file => !skipped.Contains(file.Name))).WithoutCompactionsOtherThan(_compactionsPresent);
    }
}
