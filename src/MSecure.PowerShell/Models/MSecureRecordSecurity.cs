using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// What Get-MSecureSecurityReport found about one record: weak, reused, old, a login without a
/// one-time code. Holds no secret: no password, hash or seed.
/// </summary>
public sealed class MSecureRecordSecurity
{
    internal MSecureRecordSecurity(Guid id, string name, string template, IReadOnlyList<string> tags, bool hasPassword, int? score, double? entropyBits,
        IReadOnlyList<string> weakReasons, int reusedCount, int? reuseGroup, DateTimeOffset? passwordChangedAt, TimeSpan? passwordAge, bool isOld,
        bool hasOneTimePassword, bool missingOneTimePassword, string vaultPath, string vaultName)
    {
        Id = id;
        Name = name;
        Template = template;
        Tags = tags;
        HasPassword = hasPassword;
        Score = score;
        EntropyBits = entropyBits;
        WeakReasons = weakReasons;
        ReusedCount = reusedCount;
        ReuseGroup = reuseGroup;
        PasswordChangedAt = passwordChangedAt;
        PasswordAge = passwordAge;
        IsOld = isOld;
        HasOneTimePassword = hasOneTimePassword;
        MissingOneTimePassword = missingOneTimePassword;
        VaultPath = vaultPath;
        VaultName = vaultName;
    }

    /// <summary>The record's id (pipe to Get-MSecureRecord or Set-MSecureRecord by it).</summary>
    public Guid Id { get; }

    /// <summary>The record's name.</summary>
    public string Name { get; }

    /// <summary>The record's template.</summary>
    public string Template { get; }

    /// <summary>The record's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Whether the record has a non-empty field labelled Password (only such a field is judged).</summary>
    public bool HasPassword { get; }

    /// <summary>Whether the password is weak: <see cref="WeakReasons"/> is not empty.</summary>
    public bool IsWeak => WeakReasons.Count > 0;

    /// <summary>zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess); null without a password.</summary>
    public int? Score { get; }

    /// <summary>zxcvbn's estimate in bits (log2 of the guesses needed); null without a password.</summary>
    public double? EntropyBits { get; }

    /// <summary>Why the password is weak: LowScore, TooShort, NoLetters, Repetition, Sequence, CommonPassword, DictionaryWord.</summary>
    public IReadOnlyList<string> WeakReasons { get; }

    /// <summary>Whether another record of the vault has the same password.</summary>
    public bool IsReused => ReusedCount > 0;

    /// <summary>How many other records of the vault (covered by the report or not) have the same password.</summary>
    public int ReusedCount { get; }

    /// <summary>A number shared by the records of this report with the same password; null when not reused.</summary>
    public int? ReuseGroup { get; }

    /// <summary>Since when the record has held its current password.</summary>
    public DateTimeOffset? PasswordChangedAt { get; }

    /// <summary>How long the record has held its current password.</summary>
    public TimeSpan? PasswordAge { get; }

    /// <summary>Whether the password is older than -OlderThanDays.</summary>
    public bool IsOld { get; }

    /// <summary>Whether the record has a one-time password seed.</summary>
    public bool HasOneTimePassword { get; }

    /// <summary>Whether the record is a login with a password and no one-time password seed.</summary>
    public bool MissingOneTimePassword { get; }

    /// <summary>Whether anything was found.</summary>
    public bool HasIssues => IsWeak || IsReused || IsOld || MissingOneTimePassword;

    /// <summary>The vault file's full path (binds -Vault of the record cmdlets).</summary>
    public string VaultPath { get; }

    /// <summary>The vault's name.</summary>
    public string VaultName { get; }

    /// <summary>The record and what was found.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1}", Formatting.TerminalText.Of(Name),
        !HasIssues ? "no issue" : string.Join(", ", Issues()));

    private IEnumerable<string> Issues()
    {
        if (IsWeak)
        {
            yield return "weak";
        }

        if (IsReused)
        {
            yield return "reused";
        }

        if (IsOld)
        {
            yield return "old";
        }

        if (MissingOneTimePassword)
        {
            yield return "no one-time code";
        }
    }
}
