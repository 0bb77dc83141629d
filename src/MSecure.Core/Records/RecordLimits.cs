namespace MSecure.Core.Records;

/// <summary>The size limits of a record; a draft beyond them is InvalidRecord.</summary>
public static class RecordLimits
{
    /// <summary>The longest name, in UTF-16 characters.</summary>
    public const int MaximumNameLength = 256;

    /// <summary>The longest field label.</summary>
    public const int MaximumLabelLength = 128;

    /// <summary>The longest field value.</summary>
    public const int MaximumValueLength = 65_536;

    /// <summary>The most fields a record holds.</summary>
    public const int MaximumFields = 256;

    /// <summary>The longest tag.</summary>
    public const int MaximumTagLength = 128;

    /// <summary>The most tags a record holds.</summary>
    public const int MaximumTags = 64;

    /// <summary>The longest notes.</summary>
    public const int MaximumNotesLength = 1_048_576;
}
