using System.Globalization;

namespace MSecure.Core.Records;

/// <summary>One labelled value of a record.</summary>
/// <param name="Label">The field's label, unique in its record ignoring case.</param>
/// <param name="Kind">What the value holds.</param>
/// <param name="Value">The value; empty when not filled in.</param>
public sealed record RecordField(string Label, FieldKind Kind, string Value)
{
    /// <summary>Whether the value is secret (a password, PIN or one-time password seed).</summary>
    public bool IsSecret => FieldKinds.IsSecret(Kind);

    /// <summary>Label, kind and value, control characters neutralised (<see cref="DisplayText"/>); a secret value shows as asterisks, never as itself.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}): {2}", DisplayText.Neutralize(Label), Kind, IsSecret ? "********" : DisplayText.Neutralize(Value));
}
