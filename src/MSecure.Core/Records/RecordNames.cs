using System.Text;

namespace MSecure.Core.Records;

/// <summary>
/// The comparison form of a record name: Unicode NFKC, then invariant lower case. Two names
/// with the same form are the same name (exact lookup and uniqueness).
/// </summary>
internal static class RecordNames
{
    /// <summary>NFKC(<paramref name="name"/>) in invariant lower case.</summary>
    internal static string Normalize(string name) =>
        name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
