namespace MSecure.Core.Records;

/// <summary>A field a template provides by default.</summary>
/// <param name="Label">The field's label.</param>
/// <param name="Kind">What the field holds.</param>
public sealed record FieldDefinition(string Label, FieldKind Kind);
