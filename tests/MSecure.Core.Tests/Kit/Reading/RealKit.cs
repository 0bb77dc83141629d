using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Kit;
using MSecure.Core.Kit.Printing;
using Xunit;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>A real emergency kit (a wrapped Account Key) and its printed sheet, made once for the reading tests.</summary>
internal static class RealKit
{
    public const string Email = "ada.lovelace@example.org";

    private static readonly Lazy<EmergencyKit> Lazy = new(() =>
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        return new EmergencyKit(WrappedAccountKey.Wrap(TestValues.AccountId, Email, accountKey, TestValues.Password, TestValues.FastKdf));
    });

    public static EmergencyKit Kit => Lazy.Value;

    public static string Text => Kit.ToText();

    public static EmergencyKitSheet Sheet => new(Text, Email, TestValues.AccountId, new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Asserts <paramref name="read"/> is the kit's exact text and parses back to the same kit.</summary>
    public static void AssertIsTheKit(string read)
    {
        EmergencyKit parsed = EmergencyKit.Parse(read);
        Assert.Equal(Kit.AccountId, parsed.AccountId);
        Assert.Equal(Kit.Email, parsed.Email);
        Assert.Equal(Kit.WrappedAccountKey.KdfParameters, parsed.WrappedAccountKey.KdfParameters);
        Assert.Equal(Kit.WrappedAccountKey.Salt.ToArray(), parsed.WrappedAccountKey.Salt.ToArray());
        Assert.Equal(Kit.WrappedAccountKey.EnvelopeBytes.ToArray(), parsed.WrappedAccountKey.EnvelopeBytes.ToArray());
        Assert.Equal(Text, parsed.ToText());
    }
}
