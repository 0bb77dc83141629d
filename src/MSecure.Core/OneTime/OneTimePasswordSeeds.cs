using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.Core.OneTime;

/// <summary>
/// Reads a TOTP seed as records hold it: an <c>otpauth://totp/...</c> URI (Google Authenticator's
/// key URI format: secret, algorithm SHA1/SHA256/SHA512, digits 6 or 8, period, issuer) or a bare
/// Base32 secret, in which spaces, '-', lower case and missing '=' padding are tolerated. HOTP
/// (counter-based) seeds are refused: a code would need the counter, which the vault does not keep.
/// No error ever quotes the seed.
/// </summary>
public static class OneTimePasswordSeeds
{
    /// <summary>The longest period accepted, in seconds.</summary>
    public const int MaximumPeriod = 3600;

    /// <summary>The shortest key accepted: 80 bits (16 Base32 characters), the shortest that services hand out.</summary>
    public const int MinimumKeyBytes = 10;

    private const string Scheme = "otpauth://";

    /// <summary>The seed in <paramref name="text"/>, the value of a field of record <paramref name="recordName"/> (named in errors).</summary>
    /// <exception cref="MSecureException">OneTimePasswordInvalid: the reason, never the seed.</exception>
    public static OneTimePasswordSeed Parse(string text, string recordName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(recordName);
        string trimmed = text.Trim();
        return trimmed.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? ParseUri(trimmed, recordName)
            : new OneTimePasswordSeed(DecodeBase32(trimmed, recordName), OneTimePasswordAlgorithm.Sha1,
                OneTimePasswordSeed.DefaultDigits, OneTimePasswordSeed.DefaultPeriod, issuer: null, account: null);
    }

    /// <summary>Whether <paramref name="text"/> is a seed <see cref="Parse"/> accepts.</summary>
    public static bool IsValid(string text)
    {
        try
        {
            using OneTimePasswordSeed seed = Parse(text, string.Empty);
            return true;
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.OneTimePasswordInvalid)
        {
            return false;
        }
    }

    private static OneTimePasswordSeed ParseUri(string text, string recordName)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            throw Invalid(recordName, "it starts with otpauth:// but is not a valid URI");
        }

        string type = uri.Host.ToLowerInvariant();
        if (type == "hotp")
        {
            throw Invalid(recordName, "it is an HOTP (counter-based) seed; only TOTP (time-based, otpauth://totp/...) seeds are supported");
        }

        if (type != "totp")
        {
            throw Invalid(recordName, "an otpauth:// URI must be of type totp (otpauth://totp/...)");
        }

        Dictionary<string, string> parameters = QueryOf(uri, recordName);
        if (!parameters.TryGetValue("secret", out string? secret) || secret.Length == 0)
        {
            throw Invalid(recordName, "the otpauth:// URI has no secret parameter");
        }

        OneTimePasswordAlgorithm algorithm = parameters.TryGetValue("algorithm", out string? algorithmText) ? AlgorithmOf(algorithmText, recordName) : OneTimePasswordAlgorithm.Sha1;
        int digits = parameters.TryGetValue("digits", out string? digitsText) ? DigitsOf(digitsText, recordName) : OneTimePasswordSeed.DefaultDigits;
        int period = parameters.TryGetValue("period", out string? periodText) ? PeriodOf(periodText, recordName) : OneTimePasswordSeed.DefaultPeriod;
        (string? labelIssuer, string? account) = LabelOf(uri);
        string? issuer = parameters.TryGetValue("issuer", out string? issuerText) && issuerText.Length > 0 ? issuerText : labelIssuer;
        return new OneTimePasswordSeed(DecodeBase32(secret, recordName), algorithm, digits, period, issuer, account);
    }

    /// <summary>The query parameters, names in lower case; a parameter given twice is refused (which one would count is unclear).</summary>
    private static Dictionary<string, string> QueryOf(Uri uri, string recordName)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Unescape(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            string value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]);
            if (!parameters.TryAdd(name, value))
            {
                throw Invalid(recordName, Format("the otpauth:// URI has the parameter '{0}' twice", Shown(name)));
            }
        }

        return parameters;
    }

    /// <summary>The label "Issuer:account" (or just "account") of the URI's path.</summary>
    private static (string? Issuer, string? Account) LabelOf(Uri uri)
    {
        string label = Unescape(uri.AbsolutePath.TrimStart('/'));
        if (label.Length == 0)
        {
            return (null, null);
        }

        int colon = label.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, label) : (label[..colon].Trim(), label[(colon + 1)..].Trim());
    }

    private static OneTimePasswordAlgorithm AlgorithmOf(string text, string recordName) => text.ToUpperInvariant() switch
    {
        "SHA1" => OneTimePasswordAlgorithm.Sha1,
        "SHA256" => OneTimePasswordAlgorithm.Sha256,
        "SHA512" => OneTimePasswordAlgorithm.Sha512,
        _ => throw Invalid(recordName, Format("the algorithm '{0}' is not supported (SHA1, SHA256 or SHA512)", Shown(text))),
    };

    private static int DigitsOf(string text, string recordName) => text switch
    {
        "6" => 6,
        "8" => 8,
        _ => throw Invalid(recordName, Format("the number of digits '{0}' is not supported (6 or 8)", Shown(text))),
    };

    private static int PeriodOf(string text, string recordName) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int period) && period is >= 1 and <= MaximumPeriod
            ? period
            : throw Invalid(recordName, Format("the period '{0}' is not a whole number of seconds from 1 to {1}", Shown(text), MaximumPeriod));

    /// <summary>
    /// The key of a Base32 secret (RFC 4648 alphabet): white space and '-' dropped, any case, '='
    /// padding optional, unused trailing bits ignored. Decoded from the cleaned characters in place
    /// (<see cref="Kit.Base32"/>): no string copy of the secret is made, which could not be wiped.
    /// </summary>
    private static byte[] DecodeBase32(string text, string recordName)
    {
        Span<char> normalized = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int length = 0;
        bool padding = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            if (c == '=')
            {
                padding = true;
                continue;
            }

            char upper = char.ToUpperInvariant(c);
            if (padding || !(upper is >= 'A' and <= 'Z' or >= '2' and <= '7'))
            {
                normalized.Clear();
                throw Invalid(recordName, padding
                    ? "its Base32 secret has characters after the '=' padding"
                    : "its secret is not Base32 (letters A to Z and digits 2 to 7)");
            }

            normalized[length++] = upper;
        }

        try
        {
            // 1, 3 or 6 characters past a whole 8-character group encode no whole byte: a character is missing or extra.
            if (length % 8 is 1 or 3 or 6)
            {
                throw Invalid(recordName, "its Base32 secret has a length no encoding produces (a character is missing or extra)");
            }

            if (length * 5 / 8 < MinimumKeyBytes)
            {
                throw Invalid(recordName, Format("its secret is shorter than {0} bits ({1} Base32 characters)", MinimumKeyBytes * 8, MinimumKeyBytes * 8 / 5));
            }

            // The checks above leave only characters of the alphabet and possible lengths: it decodes.
            byte[] decoded = Kit.Base32.TryDecode(normalized[..length], ignoreTrailingBits: true)!;
            byte[] key = GC.AllocateArray<byte>(decoded.Length, pinned: true);
            decoded.CopyTo(key, 0);
            Array.Clear(decoded);
            return key;
        }
        finally
        {
            normalized.Clear();
        }
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>A setting quoted in an error: neutralised and cut short (it is never the secret).</summary>
    private static string Shown(string text) => DisplayText.Neutralize(text.Length > 20 ? text[..20] + "…" : text)!;

    private static MSecureException Invalid(string recordName, string reason) => MSecureErrors.OneTimePasswordInvalid(recordName, reason);

    private static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
