namespace MSecure.Core.Transfer;

/// <summary>An entry that duplicates a record: names and locations only, never a value.</summary>
/// <param name="Location">Where the entry is in the file ("line 12").</param>
/// <param name="Name">The entry's name.</param>
/// <param name="ExistingName">The name of the record it duplicates.</param>
/// <param name="InFile">Whether that record came from an earlier entry of the same file (else it was in the vault before).</param>
/// <param name="Action">What the import did with it.</param>
/// <param name="StoredAs">The name it was stored under when <see cref="ImportDuplicateAction.Kept"/>; otherwise null.</param>
public sealed record ImportDuplicate(string Location, string Name, string ExistingName, bool InFile, ImportDuplicateAction Action, string? StoredAs);
