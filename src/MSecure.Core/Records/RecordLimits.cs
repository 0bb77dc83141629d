namespace MSecure.Core.Records;

/// <summary>The size limits of a record; a draft beyond them is InvalidRecord.</summary>
public static class RecordLimits
{
    /// <summary>The longest name, in UTF-16 characters.</summary>
    public const int MaximumNameLength = 256;

    /// <summary>The longest field label.</summary>
    public const int MaximumLabelLength = 128;

    /// <summary>
    /// The longest a secret may be, in UTF-16 characters: a SecureString holds at most 65,536.
    /// Field values and notes (which the module writes as SecureStrings) keep within it.
    /// </summary>
    public const int MaximumSecureStringLength = 65_536;

    /// <summary>The longest field value.</summary>
    public const int MaximumValueLength = MaximumSecureStringLength;

    /// <summary>The most fields a record holds.</summary>
    public const int MaximumFields = 256;

    /// <summary>The longest tag.</summary>
    public const int MaximumTagLength = 128;

    /// <summary>The most tags a record holds.</summary>
    public const int MaximumTags = 64;

    /// <summary>
    /// The longest notes. Notes are read back as a SecureString, so they keep within
    /// <see cref="MaximumSecureStringLength"/> (vaults written before this limit may hold longer ones).
    /// </summary>
    public const int MaximumNotesLength = MaximumSecureStringLength;
}
