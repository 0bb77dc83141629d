namespace MSecure.Core.Records;

/// <summary>
/// Search criteria, all ANDed; a criterion left null matches every record, so an empty query
/// lists them all. Only <see cref="Text"/> needs the full records decrypted; the others are
/// answered from the small summary envelopes.
/// </summary>
public sealed class RecordQuery
{
    /// <summary>
    /// A wildcard pattern over the name, PowerShell style, ignoring case: <c>*</c> any text,
    /// <c>?</c> one character, <c>[abc]</c> one of, <c>[a-z]</c> a range, a backtick escapes
    /// the next character. See <see cref="WildcardMatcher"/>.
    /// </summary>
    public string? NamePattern { get; init; }

    /// <summary>Only records of this template.</summary>
    public RecordTemplate? Template { get; init; }

    /// <summary>Only records with this exact tag, ignoring case.</summary>
    public string? Tag { get; init; }

    /// <summary>
    /// Text that must occur, ignoring case, in the name, the notes, a tag or the value of a
    /// field that is not secret. Secret values are never searched.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only favorites (true) or only non-favorites (false).</summary>
    public bool? IsFavorite { get; init; }

    /// <summary>Whether the query needs the full records rather than the summaries.</summary>
    internal bool NeedsFullRecords => !string.IsNullOrEmpty(Text);
}
