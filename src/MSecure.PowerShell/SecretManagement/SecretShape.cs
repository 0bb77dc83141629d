namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// The type a record comes back as through SecretManagement's Get-Secret. The names are those of
/// <c>Microsoft.PowerShell.SecretManagement.SecretType</c>, so the extension module converts by name.
/// </summary>
internal enum SecretShape
{
    /// <summary>A byte[]: written by Set-Secret from a byte[] (base64 in a secret field).</summary>
    ByteArray,

    /// <summary>A string: written by Set-Secret from a string.</summary>
    String,

    /// <summary>A SecureString: a record whose one filled field is secret.</summary>
    SecureString,

    /// <summary>A PSCredential: a Login with a user name.</summary>
    PSCredential,

    /// <summary>A Hashtable of the record's fields.</summary>
    Hashtable,
}
