using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using MSecure.Core.OneTime;
using MSecure.Core.Records;

namespace MSecure.Core.Reports;

/// <summary>What a security report found about one record. Holds no secret: no password, digest or seed.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class RecordSecurityFinding
{
    internal RecordSecurityFinding(Record record, PasswordStrength? strength, int? reuseGroup, int reusedCount,
        DateTimeOffset? passwordChangedAt, TimeSpan? passwordAge, bool isOld)
    {
        Id = record.Id;
        Name = record.Name;
        Template = record.Template;
        Tags = record.Tags;
        HasPassword = strength is not null;
        Score = strength?.Score;
        EntropyBits = strength?.EntropyBits;
        WeakReasons = strength?.Reasons ?? [];
        ReuseGroup = reuseGroup;
        ReusedCount = reusedCount;
        PasswordChangedAt = passwordChangedAt;
        PasswordAge = passwordAge;
        IsOld = isOld;
        HasOneTimePassword = OneTimePasswordFields.HasSeed(record);
        MissingOneTimePassword = record.Template == RecordTemplate.Login && HasPassword && !HasOneTimePassword;
    }

    /// <summary>The record's id.</summary>
    public Guid Id { get; }

    /// <summary>The record's name.</summary>
    public string Name { get; }

    /// <summary>The record's template.</summary>
    public RecordTemplate Template { get; }

    /// <summary>The record's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Whether the record has a non-empty field labelled Password (only such a field is judged).</summary>
    public bool HasPassword { get; }

    /// <summary>Whether the password is weak: <see cref="WeakReasons"/> is not empty.</summary>
    public bool IsWeak => WeakReasons.Count > 0;

    /// <summary>zxcvbn's score of the password, 0 to 4; null without a password.</summary>
    public int? Score { get; }

    /// <summary>zxcvbn's estimate in bits (log2 of the guesses needed); null without a password.</summary>
    public double? EntropyBits { get; }

    /// <summary>Why the password is weak (<see cref="WeakPasswordReasons"/>); empty when it is not.</summary>
    public IReadOnlyList<string> WeakReasons { get; }

    /// <summary>Whether another record of the vault has the same password.</summary>
    public bool IsReused => ReusedCount > 0;

    /// <summary>How many other records of the vault (in or out of the report's filter) have the same password.</summary>
    public int ReusedCount { get; }

    /// <summary>A number shared by the records with the same password, in this report only; null when not reused.</summary>
    public int? ReuseGroup { get; }

    /// <summary>Since when the record has held its current password (from its history); null without a password.</summary>
    public DateTimeOffset? PasswordChangedAt { get; }

    /// <summary>How long the record has held its current password; null without a password.</summary>
    public TimeSpan? PasswordAge { get; }

    /// <summary>Whether <see cref="PasswordAge"/> is over the report's limit.</summary>
    public bool IsOld { get; }

    /// <summary>Whether the record has a non-empty one-time password seed field.</summary>
    public bool HasOneTimePassword { get; }

    /// <summary>Whether the record is a login with a password but no one-time password seed.</summary>
    public bool MissingOneTimePassword { get; }

    /// <summary>Whether anything was found: weak, reused, old or a login without a one-time code.</summary>
    public bool HasIssues => IsWeak || IsReused || IsOld || MissingOneTimePassword;

    /// <summary>Name, template and what was found; never a value.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "RecordSecurityFinding '{0}' ({1}:{2}{3}{4}{5})",
        DisplayText.Neutralize(Name), Template, IsWeak ? " weak" : string.Empty, IsReused ? " reused" : string.Empty, IsOld ? " old" : string.Empty,
        MissingOneTimePassword ? " no-one-time-code" : string.Empty);
}
