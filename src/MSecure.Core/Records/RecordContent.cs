using System.Collections.Generic;

namespace MSecure.Core.Records;

/// <summary>The checked, immutable content of a record: what the vault encrypts.</summary>
internal sealed record RecordContent(
    string Name,
    RecordTemplate Template,
    IReadOnlyList<RecordField> Fields,
    IReadOnlyList<string> Tags,
    string Notes,
    bool IsFavorite);
