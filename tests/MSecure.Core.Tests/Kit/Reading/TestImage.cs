using System;
using System.IO;
using StbImageSharp;
using StbImageWriteSharp;
using ReadComponents = StbImageSharp.ColorComponents;
using WriteComponents = StbImageWriteSharp.ColorComponents;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>
/// An RGBA picture the tests change as a camera or a scanner would (turned, scaled, noisy,
/// inverted) and write as PNG or JPEG, to feed the kit reader images it did not make itself.
/// </summary>
internal sealed class TestImage
{
    private TestImage(byte[] rgba, int width, int height)
    {
        Rgba = rgba;
        Width = width;
        Height = height;
    }

    public byte[] Rgba { get; }

    public int Width { get; }

    public int Height { get; }

    public static TestImage Load(byte[] encoded)
    {
        ImageResult image = ImageResult.FromMemory(encoded, ReadComponents.RedGreenBlueAlpha);
        return new TestImage(image.Data, image.Width, image.Height);
    }

    /// <summary>A uniform image of one grey level.</summary>
    public static TestImage Plain(int width, int height, byte grey)
    {
        byte[] rgba = new byte[width * height * 4];
        for (int i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = rgba[i + 1] = rgba[i + 2] = grey;
            rgba[i + 3] = 255;
        }

        return new TestImage(rgba, width, height);
    }

    /// <summary>Turned by <paramref name="degrees"/> about the centre on a larger white canvas, sampled bilinearly.</summary>
    public TestImage Rotate(double degrees)
    {
        double radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        int size = (int)Math.Ceiling(Math.Sqrt((double)Width * Width + (double)Height * Height)) + 2;
        var result = new byte[size * size * 4];
        double centre = size / 2.0, sourceX0 = Width / 2.0, sourceY0 = Height / 2.0;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                double dx = x - centre, dy = y - centre;
                Sample((cos * dx) + (sin * dy) + sourceX0, (-sin * dx) + (cos * dy) + sourceY0, result, ((y * size) + x) * 4);
            }
        }

        return new TestImage(result, size, size);
    }

    /// <summary>Resized by <paramref name="factor"/>, sampled bilinearly.</summary>
    public TestImage Scale(double factor)
    {
        int width = (int)(Width * factor), height = (int)(Height * factor);
        var result = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Sample(((x + 0.5) / factor) - 0.5, ((y + 0.5) / factor) - 0.5, result, ((y * width) + x) * 4);
            }
        }

        return new TestImage(result, width, height);
    }

    /// <summary>Each channel moved by uniform noise of ± <paramref name="amplitude"/>, and the contrast lowered to grey-on-grey.</summary>
    public TestImage Noisy(int amplitude, int seed)
    {
        var random = new Random(seed);
        var result = (byte[])Rgba.Clone();
        for (int i = 0; i < result.Length; i++)
        {
            if (i % 4 != 3)
            {
                int washedOut = 40 + (result[i] * 160 / 255);
                result[i] = (byte)Math.Clamp(washedOut + random.Next(-amplitude, amplitude + 1), 0, 255);
            }
        }

        return new TestImage(result, Width, Height);
    }

    /// <summary>Light on dark.</summary>
    public TestImage Inverted()
    {
        var result = (byte[])Rgba.Clone();
        for (int i = 0; i < result.Length; i++)
        {
            if (i % 4 != 3)
            {
                result[i] = (byte)(255 - result[i]);
            }
        }

        return new TestImage(result, Width, Height);
    }

    public byte[] ToPng()
    {
        using var stream = new MemoryStream();
        new ImageWriter().WritePng(Rgba, Width, Height, WriteComponents.RedGreenBlueAlpha, stream);
        return stream.ToArray();
    }

    public byte[] ToJpeg(int quality)
    {
        using var stream = new MemoryStream();
        new ImageWriter().WriteJpg(Rgba, Width, Height, WriteComponents.RedGreenBlueAlpha, stream, quality);
        return stream.ToArray();
    }

    /// <summary>Bilinear sample at (x, y); white outside the image.</summary>
    private void Sample(double x, double y, byte[] target, int offset)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        for (int channel = 0; channel < 4; channel++)
        {
            double value =
                (Channel(x0, y0, channel) * (1 - fx) * (1 - fy)) + (Channel(x0 + 1, y0, channel) * fx * (1 - fy)) +
                (Channel(x0, y0 + 1, channel) * (1 - fx) * fy) + (Channel(x0 + 1, y0 + 1, channel) * fx * fy);
            target[offset + channel] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }

    private int Channel(int x, int y, int channel) =>
        x < 0 || y < 0 || x >= Width || y >= Height ? 255 : Rgba[(((y * Width) + x) * 4) + channel];
}
