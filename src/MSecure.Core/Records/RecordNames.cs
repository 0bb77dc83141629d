using System.Globalization;
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

    /// <summary>"Name (n)", the name shortened when the suffix would make it too long.</summary>
    internal static string Suffixed(string name, int suffix)
    {
        string tail = string.Create(CultureInfo.InvariantCulture, $" ({suffix})");
        int room = RecordLimits.MaximumNameLength - tail.Length;
        if (name.Length > room)
        {
            // Never cut a surrogate pair in two.
            name = name[..(char.IsHighSurrogate(name[room - 1]) ? room - 1 : room)];
        }

        return name + tail;
    }
}
