using System;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class PasswordEncodingTests
{
    [Theory]
    [InlineData("correct horse", "correct horse")]
    [InlineData("  padded  ", "  padded  ")] // not trimmed
    [InlineData("\uFB01ne", "fine")] // LATIN SMALL LIGATURE FI → "fi"
    [InlineData("caf\u00E9", "caf\u00E9")] // precomposed é stays composed
    [InlineData("cafe\u0301", "caf\u00E9")] // e + COMBINING ACUTE → é
    [InlineData("\uFF21\uFF22", "AB")] // fullwidth letters → ASCII
    [InlineData("\u2460", "1")] // CIRCLED DIGIT ONE → "1"
    [InlineData("", "")]
    public void ToNormalizedUtf8_IsNfkcUtf8(string password, string expectedNfkc)
    {
        byte[] encoded = PasswordEncoding.ToNormalizedUtf8(password);

        Assert.Equal(Encoding.UTF8.GetBytes(expectedNfkc), encoded);
        Assert.Equal(Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC)), encoded);
    }

    [Theory]
    [InlineData(0xD800, false)] // lone high surrogate at the end
    [InlineData(0xDC00, true)] // lone low surrogate at the start
    public void ToNormalizedUtf8_RejectsInvalidUnicode_WithoutEchoingIt(int surrogate, bool first)
    {
        // Built here: attribute strings cannot carry an unpaired surrogate.
        string password = first ? (char)surrogate + "abc\u00E9" : "abc\u00E9" + (char)surrogate;

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => PasswordEncoding.ToNormalizedUtf8(password));

        Assert.DoesNotContain("abc", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.InnerException);
    }
}
