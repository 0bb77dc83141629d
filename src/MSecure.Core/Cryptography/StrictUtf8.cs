using System.Text;

namespace MSecure.Core.Cryptography;

/// <summary>
/// UTF-8 that throws on invalid input instead of substituting U+FFFD, so two different
/// inputs (a password, an email) can never encode to the same bytes.
/// </summary>
internal static class StrictUtf8
{
    /// <summary>UTF-8 without a byte-order mark, throwing on unpaired surrogates and invalid bytes.</summary>
    internal static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
