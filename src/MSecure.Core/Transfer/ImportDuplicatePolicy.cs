namespace MSecure.Core.Transfer;

/// <summary>
/// What an import does with an entry that duplicates a record (same name ignoring case, same user
/// name and same web address), in the vault or earlier in the same file. Names never change.
/// </summary>
public enum ImportDuplicatePolicy
{
    /// <summary>The entry is not stored; the report lists it.</summary>
    Skip,

    /// <summary>
    /// The record gets one new revision: the entry's non-empty values replace or add fields, fields only
    /// in the record stay, tags are united, notes replaced when the entry has notes (history keeps the
    /// previous revision). No revision when nothing changes.
    /// </summary>
    Merge,

    /// <summary>The entry is added as well, under a free name ("Name (2)").</summary>
    Keep,
}
