using System;

namespace MSecure.Core.Kit.Reading;

/// <summary>A grey image, one byte of luminance per pixel (0 black, 255 white), row after row.</summary>
internal sealed class LuminanceImage
{
    internal LuminanceImage(byte[] pixels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, checked(width * height));
        Pixels = pixels;
        Width = width;
        Height = height;
    }

    internal byte[] Pixels { get; }

    internal int Width { get; }

    internal int Height { get; }

    /// <summary>
    /// The image from 8-bit RGBA, composited onto white (a transparent screenshot reads as a
    /// printed page), with the Rec. 601 luma weights.
    /// </summary>
    internal static LuminanceImage FromRgba(byte[] rgba, int width, int height)
    {
        int count = checked(width * height);
        ArgumentOutOfRangeException.ThrowIfNotEqual(rgba.Length, checked(count * 4));
        byte[] luminance = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int offset = i * 4;
            int luma = ((299 * rgba[offset]) + (587 * rgba[offset + 1]) + (114 * rgba[offset + 2])) / 1000;
            int alpha = rgba[offset + 3];
            luminance[i] = (byte)(((luma * alpha) + (255 * (255 - alpha))) / 255);
        }

        return new LuminanceImage(luminance, width, height);
    }

    /// <summary>Half the width and height, each pixel the mean of a 2 × 2 block (a large photo's noise averages out, and the finder is faster).</summary>
    internal LuminanceImage HalfSize()
    {
        int width = Width / 2;
        int height = Height / 2;
        byte[] half = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            int top = 2 * y * Width;
            int bottom = top + Width;
            for (int x = 0; x < width; x++)
            {
                int sum = Pixels[top + (2 * x)] + Pixels[top + (2 * x) + 1] + Pixels[bottom + (2 * x)] + Pixels[bottom + (2 * x) + 1];
                half[(y * width) + x] = (byte)(sum / 4);
            }
        }

        return new LuminanceImage(half, width, height);
    }

    /// <summary>
    /// Twice the width and height, interpolated bilinearly: a small code whose modules are a
    /// few pixels wide and fall unevenly on the pixel grid is easier for the finder once enlarged.
    /// </summary>
    internal LuminanceImage DoubleSize()
    {
        int width = checked(Width * 2);
        int height = checked(Height * 2);
        byte[] doubled = new byte[checked(width * height)];
        for (int y = 0; y < height; y++)
        {
            // Target pixel centres fall at source coordinates (y - 0.5) / 2, in quarter steps.
            int sourceY = Math.Max(0, (y - 1) / 2);
            int nextY = Math.Min(Height - 1, sourceY + 1);
            int weightY = y == 0 ? 0 : ((y - 1) % 2 == 0 ? 1 : 3);
            for (int x = 0; x < width; x++)
            {
                int sourceX = Math.Max(0, (x - 1) / 2);
                int nextX = Math.Min(Width - 1, sourceX + 1);
                int weightX = x == 0 ? 0 : ((x - 1) % 2 == 0 ? 1 : 3);
                int top = (Pixels[(sourceY * Width) + sourceX] * (4 - weightX)) + (Pixels[(sourceY * Width) + nextX] * weightX);
                int bottom = (Pixels[(nextY * Width) + sourceX] * (4 - weightX)) + (Pixels[(nextY * Width) + nextX] * weightX);
                doubled[(y * width) + x] = (byte)(((top * (4 - weightY)) + (bottom * weightY) + 8) / 16);
            }
        }

        return new LuminanceImage(doubled, width, height);
    }

    /// <summary>
    /// The image resampled by <paramref name="factor"/>, interpolated bilinearly: a code whose modules
    /// fall unevenly on the pixel grid (an image scaled by an odd factor) can defeat the finder at
    /// its own size and at twice it, yet read once resampled by another factor.
    /// </summary>
    internal LuminanceImage Resized(double factor)
    {
        int width = Math.Max(1, (int)(Width * factor));
        int height = Math.Max(1, (int)(Height * factor));
        byte[] resized = new byte[checked(width * height)];
        for (int y = 0; y < height; y++)
        {
            double sourceY = Math.Clamp(((y + 0.5) / factor) - 0.5, 0, Height - 1);
            int top = (int)sourceY;
            int bottom = Math.Min(Height - 1, top + 1);
            double weightY = sourceY - top;
            for (int x = 0; x < width; x++)
            {
                double sourceX = Math.Clamp(((x + 0.5) / factor) - 0.5, 0, Width - 1);
                int left = (int)sourceX;
                int right = Math.Min(Width - 1, left + 1);
                double weightX = sourceX - left;
                double upper = (Pixels[(top * Width) + left] * (1 - weightX)) + (Pixels[(top * Width) + right] * weightX);
                double lower = (Pixels[(bottom * Width) + left] * (1 - weightX)) + (Pixels[(bottom * Width) + right] * weightX);
                resized[(y * width) + x] = (byte)Math.Round((upper * (1 - weightY)) + (lower * weightY));
            }
        }

        return new LuminanceImage(resized, width, height);
    }
}
