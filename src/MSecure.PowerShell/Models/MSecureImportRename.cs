namespace MSecure.PowerShell.Models;

/// <summary>An imported entry stored under another name because its own was taken.</summary>
public sealed class MSecureImportRename
{
    internal MSecureImportRename(string location, string from, string to)
    {
        Location = location;
        From = from;
        To = to;
    }

    /// <summary>Where the entry is in the file.</summary>
    public string Location { get; }

    /// <summary>The entry's name.</summary>
    public string From { get; }

    /// <summary>The name it was stored under.</summary>
    public string To { get; }

    /// <summary>Location and both names.</summary>
    public override string ToString() => $"{Location}: '{From}' -> '{To}'";
}
