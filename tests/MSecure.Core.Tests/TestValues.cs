using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests;

/// <summary>Fixed inputs shared by the known-answer tests, and small assertion helpers.</summary>
internal static class TestValues
{
    /// <summary>A fixed 46-character Account Key of the alphabet.</summary>
    public const string AccountKeyText = "Correct+Horse+Battery+Staple!2026#MSecure(AK)~";

    /// <summary>Another valid Account Key.</summary>
    public const string OtherAccountKeyText = "Another-Account-Key-For-Negative-Tests-0123456";

    /// <summary>An account id whose big-endian bytes are 00 11 22 ... FF.</summary>
    public static readonly Guid AccountId = new("00112233-4455-6677-8899-aabbccddeeff");

    /// <summary>Another account id.</summary>
    public static readonly Guid OtherAccountId = new("ffeeddcc-bbaa-9988-7766-554433221100");

    /// <summary>The cheapest accepted KDF cost: keeps Argon2 tests fast.</summary>
    public static KdfParameters FastKdf => KdfParameters.Minimum;

    public const string Password = "correct horse battery staple";

    public static AccountKey FixedAccountKey() => AccountKey.Parse(AccountKeyText);

    public static string TextOf(AccountKey accountKey)
    {
        var characters = new char[AccountKey.Length];
        accountKey.CopyTo(characters);
        return new string(characters);
    }

    public static MSecureException AssertFails(MSecureErrorCode expected, Func<object?> function) =>
        AssertFails(expected, () => { _ = function(); });

    public static MSecureException AssertFails(MSecureErrorCode expected, Action action)
    {
        MSecureException exception = Assert.Throws<MSecureException>(action);
        Assert.Equal(expected, exception.Code);
        return exception;
    }
}
