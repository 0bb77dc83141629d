namespace MSecure.PowerShell.Models;

/// <summary>An imported entry that duplicates a record (same name, user name and web address): names and locations only.</summary>
public sealed class MSecureImportDuplicate
{
    internal MSecureImportDuplicate(string location, string name, string existingName, bool inFile, string action, string? storedAs)
    {
        Location = location;
        Name = name;
        ExistingName = existingName;
        InFile = inFile;
        Action = action;
        StoredAs = storedAs;
    }

    /// <summary>Where the entry is in the file ("line 12", "item 3").</summary>
    public string Location { get; }

    /// <summary>The entry's name.</summary>
    public string Name { get; }

    /// <summary>The name of the record it duplicates.</summary>
    public string ExistingName { get; }

    /// <summary>Whether that record came from an earlier entry of the same file (else it was in the vault).</summary>
    public bool InFile { get; }

    /// <summary>Skipped, Merged, Unchanged (merged, nothing new) or Kept (added under <see cref="StoredAs"/>).</summary>
    public string Action { get; }

    /// <summary>The name a kept duplicate was stored under; otherwise null.</summary>
    public string? StoredAs { get; }

    /// <summary>Location, action and names.</summary>
    public override string ToString() => $"{Location}: {Action} (duplicate of '{ExistingName}')";
}
