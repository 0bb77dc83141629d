using System;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// Tells a kit file's kind by its first bytes (magic numbers), and refuses at once files that
/// are surely no kit, with advice where one is likely meant (a photo saved as HEIC, a PDF print).
/// </summary>
internal static class KitFileSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <exception cref="MSecureException">KitNotAKit: empty, or a kind of file that cannot hold a readable kit.</exception>
    internal static KitFileKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw MSecureErrors.KitNotAKit("the file is empty.");
        }

        if (content.StartsWith(PngSignature))
        {
            return KitFileKind.Png;
        }

        if (content.StartsWith(JpegStart))
        {
            return KitFileKind.Jpeg;
        }

        string? other = UnsupportedKindOf(content);
        if (other is not null)
        {
            throw MSecureErrors.KitNotAKit(other + " MSecure reads the kit text, the HTML kit page, or a PNG or JPEG image of the QR code.");
        }

        return KitFileKind.Text;
    }

    /// <summary>A sentence naming a recognised file kind that is not supported; null when unrecognised.</summary>
    private static string? UnsupportedKindOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("GIF8"u8))
        {
            return "it is a GIF image.";
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "it is a WebP image.";
        }

        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            return "it is a HEIC/HEIF or MP4 file (save the photo as JPEG).";
        }

        if (content.StartsWith("%PDF"u8))
        {
            return "it is a PDF document.";
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return "it is a ZIP archive or office document.";
        }

        return null;
    }
}
