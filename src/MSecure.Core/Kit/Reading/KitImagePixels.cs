using System;
using System.IO;
using MSecure.Core.Errors;
using StbImageSharp;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// Decodes a PNG or JPEG with StbImageSharp (managed, no System.Drawing) into a grey image.
/// The size in the header is checked before any pixel memory exists, so a small file that
/// claims a huge image is refused.
/// </summary>
internal static class KitImagePixels
{
    /// <summary>50 megapixels: more than a phone camera takes; the RGBA buffer is then 200 MB at most.</summary>
    internal const long MaximumPixels = 50_000_000;

    /// <exception cref="MSecureException">KitFileUnreadable: damaged, truncated or too many pixels.</exception>
    internal static LuminanceImage Decode(byte[] content, string path)
    {
        EnsureSizeAcceptable(content, path);
        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(content, ColorComponents.RedGreenBlueAlpha);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            // StbImageSharp reports damage with InvalidOperationException and a terse message not worth showing.
            throw MSecureErrors.KitImageDamaged(path, "the image is damaged or truncated.");
        }

        if (image?.Data is null || image.Width <= 0 || image.Height <= 0)
        {
            throw MSecureErrors.KitImageDamaged(path, "the image is damaged or truncated.");
        }

        return LuminanceImage.FromRgba(image.Data, image.Width, image.Height);
    }

    private static void EnsureSizeAcceptable(byte[] content, string path)
    {
        ImageInfo? info;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            info = ImageInfo.FromStream(stream);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IndexOutOfRangeException or ArgumentException or OverflowException or EndOfStreamException)
        {
            info = null;
        }

        if (info is not { } header || header.Width <= 0 || header.Height <= 0)
        {
            throw MSecureErrors.KitImageDamaged(path, "the image header is damaged or truncated, or claims an impossibly large image.");
        }

        if ((long)header.Width * header.Height > MaximumPixels)
        {
            throw MSecureErrors.KitImageDamaged(path, FormattableString.Invariant(
                $"it is {header.Width} × {header.Height} pixels, more than the {MaximumPixels / 1_000_000} megapixels MSecure decodes. Shrink or crop the photo."));
        }
    }
}
