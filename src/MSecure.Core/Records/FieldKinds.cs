namespace MSecure.Core.Records;

/// <summary>Facts about <see cref="FieldKind"/> values.</summary>
internal static class FieldKinds
{
    /// <summary>Whether values of <paramref name="kind"/> are secret: hidden when shown, never searched.</summary>
    internal static bool IsSecret(FieldKind kind) => kind is FieldKind.Secret or FieldKind.Pin or FieldKind.OneTimePasswordSeed;
}
