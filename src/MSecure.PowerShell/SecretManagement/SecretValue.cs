using System.Security;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// What a record gives back to Get-Secret, before PowerShell types are made: <see cref="Value"/> is
/// a byte[], string, SecureString or Hashtable, or, for <see cref="SecretShape.PSCredential"/>,
/// null with <see cref="UserName"/> and <see cref="Password"/> set.
/// </summary>
internal sealed record SecretValue(SecretShape Shape, object? Value, string? UserName = null, SecureString? Password = null)
{
    /// <summary>Names the shape only: a record's generated ToString would print <see cref="Value"/>, which may be a plain secret.</summary>
    public override string ToString() => "SecretValue (" + Shape + ")";
}
