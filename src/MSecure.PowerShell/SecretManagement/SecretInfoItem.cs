using System.Collections;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// One Get-SecretInfo result before MSecure.Extension makes it a SecretManagement SecretInformation
/// (whose type exists only in SecretManagement's assembly, loaded at run time).
/// </summary>
public sealed class SecretInfoItem
{
    internal SecretInfoItem(string name, string type, Hashtable metadata)
    {
        Name = name;
        Type = type;
        Metadata = metadata;
    }

    /// <summary>The secret's (record's) name.</summary>
    public string Name { get; }

    /// <summary>The name of the SecretManagement SecretType Get-Secret returns for it.</summary>
    public string Type { get; }

    /// <summary>Non-secret facts: Template, Tags, Favorite, Modified and Url.</summary>
    public Hashtable Metadata { get; }
}
