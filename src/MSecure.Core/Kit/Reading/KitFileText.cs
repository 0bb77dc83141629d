using System;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// Decodes a kit file as text: UTF-8 (with or without a byte order mark) or UTF-16 with a byte
/// order mark, strictly. Bytes that are not text (invalid encoding, control characters other
/// than line breaks and tabs) make it no kit file.
/// </summary>
internal static class KitFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <exception cref="MSecureException">KitNotAKit: the bytes are not text.</exception>
    internal static string Decode(byte[] content)
    {
        string text;
        try
        {
            text = content switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(content, 3, content.Length - 3),
                [0xFF, 0xFE, ..] => StrictUtf16LittleEndian.GetString(content, 2, content.Length - 2),
                [0xFE, 0xFF, ..] => StrictUtf16BigEndian.GetString(content, 2, content.Length - 2),
                _ => StrictUtf8.GetString(content),
            };
        }
        catch (DecoderFallbackException)
        {
            throw NotText();
        }

        foreach (char character in text)
        {
            if (char.IsControl(character) && character is not ('\n' or '\r' or '\t' or '\f'))
            {
                throw NotText();
            }
        }

        return text;
    }

    private static MSecureException NotText() =>
        MSecureErrors.KitNotAKit("the file is neither text, an HTML page, nor a PNG or JPEG image.");
}
