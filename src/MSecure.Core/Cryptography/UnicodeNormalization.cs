using System.Text;
using System.Threading;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Whether this process can apply Unicode NFKC. In globalization-invariant mode
/// (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1) .NET returns non-ASCII text unchanged from
/// <see cref="string.Normalize(NormalizationForm)"/>, so the same password or name would give
/// other bytes (another key, another name index) than in a process with ICU. MSecure then
/// refuses non-ASCII passwords and record names instead; ASCII is its own NFKC and works everywhere.
/// </summary>
internal static class UnicodeNormalization
{
    /// <summary>Detected once: the "fi" ligature U+FB01 normalises to "fi" only when NFKC works.</summary>
    private static readonly bool Detected = string.Equals("\uFB01".Normalize(NormalizationForm.FormKC), "fi", System.StringComparison.Ordinal);

    private static readonly AsyncLocal<bool?> Override = new();

    /// <summary>Whether NFKC is available (or the test override for the current async flow).</summary>
    internal static bool IsAvailable => Override.Value ?? Detected;

    /// <summary>Test seam: overrides <see cref="IsAvailable"/> for the current async flow; null restores detection.</summary>
    internal static void OverrideForTests(bool? available) => Override.Value = available;

    /// <summary>Throws UnicodeNormalizationUnavailable when NFKC is unavailable; call only for non-ASCII text.</summary>
    internal static void EnsureAvailable(string what)
    {
        if (!IsAvailable)
        {
            throw MSecureErrors.UnicodeNormalizationUnavailable(what);
        }
    }
}
