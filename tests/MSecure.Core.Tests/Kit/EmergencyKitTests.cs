using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using Xunit;

namespace MSecure.Core.Tests.Kit;

public sealed class EmergencyKitTests
{
    private const string Email = "admin@example.com";
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Lazy<EmergencyKit> Kit = new(() =>
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        return new EmergencyKit(WrappedAccountKey.Wrap(TestValues.AccountId, Email, accountKey, TestValues.Password, TestValues.FastKdf));
    });

    private static string KitText => Kit.Value.ToText();

    [Fact]
    public void Text_ParsesBackToTheSameFields()
    {
        EmergencyKit parsed = EmergencyKit.Parse(KitText);

        Assert.Equal(TestValues.AccountId, parsed.AccountId);
        Assert.Equal(Email, parsed.Email);
        Assert.Equal(Kit.Value.WrappedAccountKey.KdfParameters, parsed.WrappedAccountKey.KdfParameters);
        Assert.Equal(Kit.Value.WrappedAccountKey.Salt.ToArray(), parsed.WrappedAccountKey.Salt.ToArray());
        Assert.Equal(Kit.Value.WrappedAccountKey.EnvelopeBytes.ToArray(), parsed.WrappedAccountKey.EnvelopeBytes.ToArray());
        Assert.Equal(KitText, parsed.ToText());
    }

    [Fact]
    public void ParsedKit_OpensWithThePassword_ToTheSameAccountKey()
    {
        EmergencyKit parsed = EmergencyKit.Parse(KitText);

        using AccountKey opened = parsed.Open(TestValues.Password);

        Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(opened));
    }

    [Fact]
    public void ParsedKit_WithAWrongPassword_IsWrongPassword()
    {
        EmergencyKit parsed = EmergencyKit.Parse(KitText);

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => parsed.Open("Correct horse battery staple"));
    }

    [Fact]
    public void Text_UsesOnlyQrAlphanumericCharacters_InGroupsOfFive()
    {
        string text = KitText;

        Assert.Matches(new Regex("^[0-9A-Z $%*+\\-./:]+$"), text);
        Assert.Matches(new Regex("^MSK(-[A-Z2-7]{5})*(-[A-Z2-7]{1,5})$"), text);
    }

    [Fact]
    public void Text_HasTheDocumentedLength()
    {
        int bodyLength = 1 + 16 + 1 + Email.Length + 1 + 4 + 4 + 1 + 16 + 75;
        int payloadCharacters = ((bodyLength * 8) + 4) / 5 + 8;

        string payload = KitText.Replace("-", "", StringComparison.Ordinal);

        Assert.Equal("MSK".Length + payloadCharacters, payload.Length);
    }

    [Fact]
    public void Text_EndsWithTheBase32OfTheFirstFiveBytesOfSha256OverTheBody()
    {
        string payload = KitText["MSK-".Length..].Replace("-", "", StringComparison.Ordinal);
        byte[] body = Base32.TryDecode(payload.AsSpan(..^8))!;

        byte[] hash = System.Security.Cryptography.SHA256.HashData(body);
        Assert.Equal(Base32.Encode(hash.AsSpan(0, 5)), payload[^8..]);
        Assert.Equal(1, body[0]);
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Convert.ToHexString(body, 1, 16));
    }

    [Fact]
    public void Parse_ToleratesLowerCaseSpacesLineBreaksAndTypographicDashes()
    {
        string sloppy = "  " + KitText.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal).Insert(40, "\r\n").Insert(9, "\u2013") + "\n";

        EmergencyKit parsed = EmergencyKit.Parse(sloppy);

        Assert.Equal(KitText, parsed.ToText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello world")]
    [InlineData("MSK-")]
    [InlineData("MSK-ABCDE-FGHIJ")]
    public void Parse_RejectsTextThatIsNotAKit(string text)
    {
        TestValues.AssertFails(MSecureErrorCode.KitNotAKit, () => EmergencyKit.Parse(text));
    }

    [Fact]
    public void Parse_RejectsAKitWithoutItsPrefix()
    {
        TestValues.AssertFails(MSecureErrorCode.KitNotAKit, () => EmergencyKit.Parse(KitText["MSK-".Length..]));
        TestValues.AssertFails(MSecureErrorCode.KitNotAKit, () => EmergencyKit.Parse("XSK" + KitText[3..]));
    }

    [Fact]
    public void Parse_RejectsAbsurdlyLongText()
    {
        TestValues.AssertFails(MSecureErrorCode.KitNotAKit, () => EmergencyKit.Parse(KitText + new string('A', 5000)));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('8')]
    [InlineData('9')]
    [InlineData('=')]
    [InlineData('@')]
    public void Parse_ReportsACharacterOutsideBase32AsMistyped_NamingItsPosition(char wrong)
    {
        string text = KitText;
        int position = 57; // 1-based; the character at index 56 is a Base32 character, not a dash
        Assert.NotEqual('-', text[position - 1]);
        string mistyped = text[..(position - 1)] + wrong + text[position..];

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.KitMistyped, () => EmergencyKit.Parse(mistyped));

        Assert.Contains("character 57 ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsASubstitutionAtAnyPositionAsMistyped()
    {
        string text = KitText;
        int tested = 0;
        for (int index = "MSK-".Length; index < text.Length; index++)
        {
            if (text[index] == '-')
            {
                continue;
            }

            foreach (int shift in new[] { 1, 16, 31 })
            {
                char replacement = Base32Alphabet[(Base32Alphabet.IndexOf(text[index], StringComparison.Ordinal) + shift) % 32];
                string mistyped = text[..index] + replacement + text[(index + 1)..];
                TestValues.AssertFails(MSecureErrorCode.KitMistyped, () => EmergencyKit.Parse(mistyped));
                tested++;
            }
        }

        Assert.True(tested > 600);
    }

    [Fact]
    public void Parse_ReportsAMissingOrExtraCharacterAsMistyped()
    {
        string text = KitText;
        for (int index = "MSK-".Length; index < text.Length; index += 7)
        {
            if (text[index] == '-')
            {
                continue;
            }

            string missing = text.Remove(index, 1);
            string extra = text.Insert(index, "Q");
            TestValues.AssertFails(MSecureErrorCode.KitMistyped, () => EmergencyKit.Parse(missing));
            TestValues.AssertFails(MSecureErrorCode.KitMistyped, () => EmergencyKit.Parse(extra));
        }
    }

    [Fact]
    public void Parse_ReportsSwappedNeighboursAsMistyped()
    {
        string text = KitText;
        for (int index = "MSK-".Length; index < text.Length - 1; index += 5)
        {
            char[] characters = text.ToCharArray();
            (characters[index], characters[index + 1]) = (characters[index + 1], characters[index]);
            string swapped = new(characters);
            // Moving a dash changes nothing: separators are not part of the kit.
            if (swapped == text || characters[index] == '-' || characters[index + 1] == '-')
            {
                continue;
            }

            Assert.Equal(MSecureErrorCode.KitMistyped, Catch(swapped));
        }
    }

    [Fact]
    public void Parse_ReportsNonZeroTrailingBitsAsMistyped()
    {
        // An 18-byte email makes the body 138 bytes: 1104 bits, 221 characters, 1 unused bit.
        var builder = new KitBodyBuilder { Email = Encoding.ASCII.GetBytes("admin1@example.com") };
        byte[] body = builder.Build();
        Assert.NotEqual(0, body.Length * 8 % 5);
        string bodyCharacters = Base32.Encode(body);
        char last = bodyCharacters[^1];
        char withTrailingBit = Base32Alphabet[Base32Alphabet.IndexOf(last, StringComparison.Ordinal) | 1];
        Assert.NotEqual(last, withTrailingBit);
        string checksum = builder.BuildText().Replace("-", "", StringComparison.Ordinal)[^8..];

        string text = "MSK-" + bodyCharacters[..^1] + withTrailingBit + checksum;

        TestValues.AssertFails(MSecureErrorCode.KitMistyped, () => EmergencyKit.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Parse_ReportsAnotherVersionAsUnsupported_NotAsMistyped(byte version)
    {
        string text = new KitBodyBuilder { Version = version }.BuildText();

        TestValues.AssertFails(MSecureErrorCode.KitUnsupportedVersion, () => EmergencyKit.Parse(text));
    }

    [Fact]
    public void Parse_ReportsAFutureVersionAsUnsupported_WhateverItsLayout()
    {
        // A version 2 kit might be any length; the version-independent checksum still holds.
        byte[] futureBody = [2, .. Enumerable.Range(0, 300).Select(i => (byte)(i % 256))];

        TestValues.AssertFails(MSecureErrorCode.KitUnsupportedVersion, () => EmergencyKit.Parse(MSecure.Core.Kit.KitText.Encode(futureBody)));
    }

    public static IEnumerable<object[]> MalformedBodies()
    {
        yield return [new KitBodyBuilder { Trailing = [0] }];
        yield return [new KitBodyBuilder { EmailLengthOverride = 0, Email = [] }];
        yield return [new KitBodyBuilder { EmailLengthOverride = 255, Email = Enumerable.Repeat((byte)'a', 255).ToArray() }];
        yield return [new KitBodyBuilder { Email = [0x61, 0xC3, 0x28, 0x62] }]; // invalid UTF-8
        yield return [new KitBodyBuilder { EmailLengthOverride = 200 }]; // claims more email than there is
        yield return [new KitBodyBuilder { Envelope = new byte[30] }]; // ends too early
        yield return [new KitBodyBuilder { Envelope = NewEnvelopeWithVersion(2) }];
        yield return [new KitBodyBuilder { Envelope = new byte[74] }];
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    internal void Parse_ReportsAWellChecksummedButMalformedBodyAsMalformed(KitBodyBuilder builder)
    {
        string text = builder.BuildText();

        TestValues.AssertFails(MSecureErrorCode.KitMalformed, () => EmergencyKit.Parse(text));
    }

    [Theory]
    [InlineData(0, 19_456u, 1u, 1)] // unknown algorithm
    [InlineData(2, 19_456u, 1u, 1)]
    [InlineData(1, 19_455u, 1u, 1)]
    [InlineData(1, 1_024u, 1u, 1)]
    [InlineData(1, 19_456u, 0u, 1)]
    [InlineData(1, 19_456u, 33u, 1)]
    [InlineData(1, 19_456u, 1u, 0)]
    [InlineData(1, 19_456u, 1u, 17)]
    [InlineData(1, 19_456u, 1u, 255)]
    public void Parse_RejectsKdfParametersOutOfBounds(byte algorithm, uint memoryKiB, uint passes, byte lanes)
    {
        string text = new KitBodyBuilder { Algorithm = algorithm, MemoryKiB = memoryKiB, Passes = passes, Lanes = lanes }.BuildText();

        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, () => EmergencyKit.Parse(text));
    }

    [Fact]
    public void Parse_RejectsAHostileKitAsking4GiB_WithoutAllocatingIt()
    {
        string text = new KitBodyBuilder { MemoryKiB = 4_194_304, Passes = 32, Lanes = 16 }.BuildText();

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, () => EmergencyKit.Parse(text));

        Assert.Contains("memory", exception.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 256 * 1024);
    }

    [Fact]
    public void WellFormedBody_WithAGarbageEnvelope_ParsesButDoesNotOpen()
    {
        EmergencyKit parsed = EmergencyKit.Parse(new KitBodyBuilder().BuildText());

        Assert.Equal("admin@example.com", parsed.Email);
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => parsed.Open(TestValues.Password));
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData("bad", 0xD800)] // an unpaired surrogate (built here: attribute strings cannot hold one)
    [InlineData(" ", -1)]
    [InlineData("   \u3000 ", -1)] // white space only, an ideographic space included
    [InlineData("alice@example.com", '\n')]
    [InlineData("alice\u0007@example.com", -1)]
    [InlineData("alice@example.com", 0x7F)]
    public void Constructor_RejectsAnInvalidEmail(string start, int appendedCodeUnit)
    {
        string email = appendedCodeUnit < 0 ? start : start + (char)appendedCodeUnit;

        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => new EmergencyKit(WithEmail(email)));
    }

    [Fact]
    public void Constructor_AcceptsA254ByteEmail_AndRejects255()
    {
        var longest = new EmergencyKit(WithEmail(new string('a', 254)));
        Assert.Equal(longest.Email, EmergencyKit.Parse(longest.ToText()).Email);

        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => new EmergencyKit(WithEmail(new string('a', 255))));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => new EmergencyKit(WithEmail(new string('\u00E9', 128))));
    }

    [Fact]
    public void ToString_NamesTheAccountOnly()
    {
        Assert.Equal("EmergencyKit (account 00112233-4455-6677-8899-aabbccddeeff)", Kit.Value.ToString());
    }

    [Fact]
    public void AKitWhoseEmailWasChanged_ParsesButDoesNotOpen()
    {
        EmergencyKit altered = new(WithEmail("mallory@example.com"));
        EmergencyKit reparsed = EmergencyKit.Parse(altered.ToText());

        Assert.Equal("mallory@example.com", reparsed.Email);
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => reparsed.Open(TestValues.Password));
        using AccountKey genuine = EmergencyKit.Parse(KitText).Open(TestValues.Password);
        Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(genuine));
    }

    /// <summary>The test kit's wrapped key presented with another email.</summary>
    private static WrappedAccountKey WithEmail(string email)
    {
        WrappedAccountKey wrapped = Kit.Value.WrappedAccountKey;
        return new WrappedAccountKey(wrapped.AccountId, email, wrapped.KdfParameters, wrapped.Salt.Span, wrapped.EnvelopeBytes.Span);
    }

    private static byte[] NewEnvelopeWithVersion(byte version)
    {
        byte[] envelope = KitBodyBuilder.NewEnvelope();
        envelope[0] = version;
        return envelope;
    }

    private static MSecureErrorCode Catch(string text)
    {
        try
        {
            EmergencyKit.Parse(text);
        }
        catch (MSecureException exception)
        {
            return exception.Code;
        }

        throw new Xunit.Sdk.XunitException("The kit parsed although it was changed.");
    }
}
