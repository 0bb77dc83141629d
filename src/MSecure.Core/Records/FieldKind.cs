namespace MSecure.Core.Records;

/// <summary>
/// What a field holds, which decides how it is shown and whether it is secret. Stored by name
/// inside the encrypted record, so a name never changes once released.
/// </summary>
public enum FieldKind
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>A password or other secret: hidden when shown, never searched.</summary>
    Secret,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A telephone number.</summary>
    Phone,

    /// <summary>A date, as the user typed it.</summary>
    Date,

    /// <summary>A PIN or security code: secret.</summary>
    Pin,

    /// <summary>Longer free text.</summary>
    Note,

    /// <summary>The seed of a one-time password generator (TOTP): secret.</summary>
    OneTimePasswordSeed,
}
