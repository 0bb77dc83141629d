using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// A record's current one-time password, written by Get-MSecureOneTimePassword. <see cref="Code"/>
/// is a SecureString unless -AsPlainText; the default views and the text form never show it.
/// </summary>
public sealed class MSecureOneTimePassword
{
    internal MSecureOneTimePassword(Guid id, string name, object code, int remainingSeconds, DateTimeOffset validUntil, int period, int digits, string algorithm,
        string? issuer, string? account, string vaultPath, string vaultName)
    {
        Id = id;
        Name = name;
        Code = code;
        RemainingSeconds = remainingSeconds;
        ValidUntil = validUntil;
        Period = period;
        Digits = digits;
        Algorithm = algorithm;
        Issuer = issuer;
        Account = account;
        VaultPath = vaultPath;
        VaultName = vaultName;
    }

    /// <summary>The record's id.</summary>
    public Guid Id { get; }

    /// <summary>The record's name.</summary>
    public string Name { get; }

    /// <summary>The code: a SecureString, or a String with -AsPlainText.</summary>
    public object Code { get; }

    /// <summary>Whole seconds left, when the code was computed, before the next code starts.</summary>
    public int RemainingSeconds { get; }

    /// <summary>When the code stops being valid (the next time step starts).</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The time step, in seconds (usually 30).</summary>
    public int Period { get; }

    /// <summary>The number of digits (6 or 8).</summary>
    public int Digits { get; }

    /// <summary>The HMAC hash: SHA1, SHA256 or SHA512.</summary>
    public string Algorithm { get; }

    /// <summary>The issuer the seed's otpauth:// URI names, or null.</summary>
    public string? Issuer { get; }

    /// <summary>The account the seed's otpauth:// URI names, or null.</summary>
    public string? Account { get; }

    /// <summary>The vault file's full path.</summary>
    public string VaultPath { get; }

    /// <summary>The vault's name.</summary>
    public string VaultName { get; }

    /// <summary>The record and the validity; never the code.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "One-time password of '{0}' ({1} digits, {2} s left)", Formatting.TerminalText.Of(Name), Digits, RemainingSeconds);
}
