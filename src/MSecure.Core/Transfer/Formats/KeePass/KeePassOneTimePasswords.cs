using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MSecure.Core.OneTime;
using OtpNet;

namespace MSecure.Core.Transfer.Formats.KeePass;

/// <summary>
/// The TOTP seed of a KeePass entry, from whichever of its conventions the entry uses, as an
/// <c>otpauth://</c> URI or (with the default 30 s, 6 digits, SHA-1) a bare Base32 secret:
/// KeePassXC's <c>otp</c> string (an otpauth URI, or KeeOTP's <c>key=…&amp;step=…&amp;size=…</c>),
/// KeePass 2.47+'s <c>TimeOtp-Secret-Base32</c> (or -Hex, -Base64, plain <c>TimeOtp-Secret</c>)
/// with <c>TimeOtp-Length</c>, <c>TimeOtp-Period</c> and <c>TimeOtp-Algorithm</c>, and older
/// KeePassXC's <c>TOTP Seed</c> with <c>TOTP Settings</c> ("30;6").
/// </summary>
internal static class KeePassOneTimePasswords
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "otp", "TimeOtp-Secret", "TimeOtp-Secret-Base32", "TimeOtp-Secret-Hex", "TimeOtp-Secret-Base64",
        "TimeOtp-Length", "TimeOtp-Period", "TimeOtp-Algorithm", "TOTP Seed", "TOTP Settings",
    };

    /// <summary>Whether the string <paramref name="key"/> is part of a TOTP seed (consumed here, not a custom field).</summary>
    internal static bool IsSeedKey(string key) => Keys.Contains(key);

    /// <summary>The seed held by <paramref name="strings"/> (the entry's strings by key), or null; <paramref name="title"/> names the URI's account.</summary>
    /// <exception cref="FormatException">A hex or Base64 secret that does not decode.</exception>
    internal static string? SeedOf(IReadOnlyDictionary<string, string> strings, string title)
    {
        if (Get(strings, "otp") is { } otp)
        {
            return otp.Contains("key=", StringComparison.Ordinal) && !otp.StartsWith("otpauth:", StringComparison.OrdinalIgnoreCase)
                ? FromKeeOtp(otp, title)
                : otp.Trim();
        }

        string? secret = Get(strings, "TimeOtp-Secret-Base32")?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
            ?? Base32(Get(strings, "TimeOtp-Secret-Hex"), Convert.FromHexString)
            ?? Base32(Get(strings, "TimeOtp-Secret-Base64"), Convert.FromBase64String)
            ?? Base32(Get(strings, "TimeOtp-Secret"), Encoding.UTF8.GetBytes);
        if (secret is not null)
        {
            string? algorithm = Get(strings, "TimeOtp-Algorithm")?.Replace("HMAC-", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("-", string.Empty, StringComparison.Ordinal);
            return Compose(secret, title, Get(strings, "TimeOtp-Period"), Get(strings, "TimeOtp-Length"), algorithm);
        }

        if (Get(strings, "TOTP Seed") is { } seed)
        {
            string[] settings = (Get(strings, "TOTP Settings") ?? string.Empty).Split(';');
            string? digits = settings.Length > 1 && settings[1] != "S" ? settings[1] : null;
            return Compose(seed.Replace(" ", string.Empty, StringComparison.Ordinal), title, settings[0].Length > 0 ? settings[0] : null, digits, null);
        }

        return null;
    }

    private static string FromKeeOtp(string otp, string title)
    {
        string? key = null, step = null, size = null, mode = null;
        foreach (string pair in otp.Split('&'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (name)
            {
                case "key": key = value; break;
                case "step": step = value; break;
                case "size": size = value; break;
                case "otpHashMode": mode = value; break;
            }
        }

        return key is null ? otp : Compose(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), title, step, size, mode);
    }

    /// <summary>The bare secret when every setting is the default, else an otpauth URI.</summary>
    private static string Compose(string secret, string title, string? period, string? digits, string? algorithm)
    {
        bool defaultPeriod = string.IsNullOrWhiteSpace(period) || period.Trim() == OneTimePasswordSeed.DefaultPeriod.ToString(CultureInfo.InvariantCulture);
        bool defaultDigits = string.IsNullOrWhiteSpace(digits) || digits.Trim() == OneTimePasswordSeed.DefaultDigits.ToString(CultureInfo.InvariantCulture);
        bool defaultAlgorithm = string.IsNullOrWhiteSpace(algorithm) || string.Equals(algorithm.Trim(), "SHA1", StringComparison.OrdinalIgnoreCase);
        if (defaultPeriod && defaultDigits && defaultAlgorithm)
        {
            return secret;
        }

        var uri = new StringBuilder("otpauth://totp/")
            .Append(Uri.EscapeDataString(string.IsNullOrWhiteSpace(title) ? "KeePass" : title))
            .Append("?secret=").Append(Uri.EscapeDataString(secret));
        if (!defaultPeriod)
        {
            uri.Append("&period=").Append(Uri.EscapeDataString(period!.Trim()));
        }

        if (!defaultDigits)
        {
            uri.Append("&digits=").Append(Uri.EscapeDataString(digits!.Trim()));
        }

        if (!defaultAlgorithm)
        {
            uri.Append("&algorithm=").Append(Uri.EscapeDataString(algorithm!.Trim().ToUpperInvariant()));
        }

        return uri.ToString();
    }

    private static string? Base32(string? value, Func<string, byte[]> decode) =>
        value is null ? null : Base32Encoding.ToString(decode(value.Trim())).TrimEnd('=');

    private static string? Get(IReadOnlyDictionary<string, string> strings, string key) =>
        strings.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
