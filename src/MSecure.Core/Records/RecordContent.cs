using System.Collections.Generic;

namespace MSecure.Core.Records;

/// <summary>The checked, immutable content of a record: what the vault encrypts.</summary>
internal sealed record RecordContent(
    string Name,
    RecordTemplate Template,
    IReadOnlyList<RecordField> Fields,
    IReadOnlyList<string> Tags,
    string Notes,
    bool IsFavorite)
{
    /// <summary>Name and template; never the notes or a field value (the generated ToString would print the notes).</summary>
    public override string ToString() => $"RecordContent '{DisplayText.Neutralize(Name)}' ({Template})";
}
