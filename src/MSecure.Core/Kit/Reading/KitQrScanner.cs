using System;
using System.Collections.Generic;
using MSecure.Core.Errors;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;
using ZXing.QrCode;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// Finds the kit's QR code in a grey image with ZXing.Net's QR reader (try-harder, not a pure
/// barcode: the code may sit anywhere in a photo or page screenshot, turned or tilted). When
/// the image as it is yields nothing, inverted (light on dark), downscaled and doubled versions
/// are tried, and a second binarizer for uneven lighting; last, the image resampled by 1.5.
/// </summary>
internal static class KitQrScanner
{
    /// <summary>Images are halved while their longer side stays above this, for the downscaled tries.</summary>
    private const int SmallestDownscaledSide = 400;

    /// <summary>At most this many halvings (1/2, 1/4, 1/8).</summary>
    private const int MaximumHalvings = 3;

    /// <summary>Images whose longer side is at most this are also tried at twice the size.</summary>
    private const int LargestDoubledSide = 1600;

    /// <summary>The factor of the last try, for a code whose modules fall unevenly on the pixel grid.</summary>
    private const double OddResampling = 1.5;

    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.PURE_BARCODE] = false,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
    };

    /// <summary>The kit text in the image's QR code.</summary>
    /// <exception cref="MSecureException">KitNotAKit: no QR code found, or none that holds a kit.</exception>
    internal static string ReadKitText(LuminanceImage image)
    {
        bool foundOtherCode = false;
        foreach (BinaryBitmap bitmap in Attempts(image))
        {
            string[] texts = DecodeAll(bitmap);
            foreach (string text in texts)
            {
                if (IsKit(text))
                {
                    return text;
                }
            }

            foundOtherCode |= texts.Length > 0;
        }

        throw MSecureErrors.KitNotAKit(foundOtherCode
            ? "the QR code in the image holds something else, not an MSecure emergency kit."
            : "no QR code was found in the image. Take the photo straight on, sharp and well lit, with the whole QR code and its white border in the picture.");
    }

    /// <summary>Each image to try, cheapest and likeliest first.</summary>
    private static IEnumerable<BinaryBitmap> Attempts(LuminanceImage image)
    {
        var scales = new List<LuminanceSource> { SourceOf(image) };
        LuminanceImage scaled = image;
        for (int halving = 0; halving < MaximumHalvings && Math.Max(scaled.Width, scaled.Height) / 2 >= SmallestDownscaledSide; halving++)
        {
            scaled = scaled.HalfSize();
            scales.Add(SourceOf(scaled));
        }

        if (Math.Max(image.Width, image.Height) <= LargestDoubledSide)
        {
            scales.Add(SourceOf(image.DoubleSize()));
        }

        foreach (LuminanceSource source in scales)
        {
            yield return new BinaryBitmap(new HybridBinarizer(source));
            yield return new BinaryBitmap(new HybridBinarizer(source.invert()));
        }

        foreach (LuminanceSource source in scales)
        {
            yield return new BinaryBitmap(new GlobalHistogramBinarizer(source));
        }

        // Last, made only when all else failed: resampled by 1.5 (see LuminanceImage.Resized).
        if (Math.Max(image.Width, image.Height) <= LargestDoubledSide)
        {
            LuminanceSource resampled = SourceOf(image.Resized(OddResampling));
            yield return new BinaryBitmap(new HybridBinarizer(resampled));
            yield return new BinaryBitmap(new GlobalHistogramBinarizer(resampled));
        }
    }

    /// <summary>The text of the code the reader finds first, or else of every code the multi-code reader finds.</summary>
    private static string[] DecodeAll(BinaryBitmap bitmap)
    {
        Result? single = new QRCodeReader().decode(bitmap, Hints);
        if (single?.Text is { } text && IsKit(text))
        {
            return [text];
        }

        Result[]? many = new QRCodeMultiReader().decodeMultiple(bitmap, Hints);
        if (many is { Length: > 0 })
        {
            return Array.ConvertAll(many, result => result.Text ?? string.Empty);
        }

        return single?.Text is { } other ? [other] : [];
    }

    /// <summary>Kit text: MSK, then only letters, digits, dashes and spaces (the parser judges the rest).</summary>
    private static bool IsKit(string text) =>
        KitTextCandidate.StartsLikeKit(text) && KitTextCandidate.HasOnlyKitCharacters(text);

    private static RGBLuminanceSource SourceOf(LuminanceImage image) =>
        new(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
}
