using System.Text;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Records;

/// <summary>
/// The comparison form of a record name: Unicode NFKC, then invariant lower case. Two names
/// with the same form are the same name (exact lookup and uniqueness).
/// </summary>
internal static class RecordNames
{
    /// <summary>NFKC(<paramref name="name"/>) in invariant lower case.</summary>
    /// <exception cref="Errors.MSecureException">
    /// UnicodeNormalizationUnavailable: a non-ASCII name in a process without Unicode normalisation
    /// (globalization-invariant mode), whose blind index would differ from other processes'.
    /// </exception>
    internal static string Normalize(string name)
    {
        if (Ascii.IsValid(name))
        {
            return name.ToLowerInvariant();
        }

        UnicodeNormalization.EnsureAvailable("record name");
        return name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }
}
