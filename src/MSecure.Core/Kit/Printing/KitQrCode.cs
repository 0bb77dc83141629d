using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using QRCoder;
using QRCoder.Exceptions;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// The QR code of a kit text: error correction level M (15 % of the code may be lost), the
/// smallest version that holds the text, alphanumeric mode (the text is checked to allow it).
/// Draws itself as PNG, SVG or terminal text; <see cref="ToString"/> never shows the text.
/// </summary>
public sealed class KitQrCode
{
    /// <summary>Light modules around the code in the PNG and SVG images, as the QR standard asks.</summary>
    public const int QuietZoneModules = 4;

    /// <summary>Pixels per module of a PNG or SVG when none is given.</summary>
    public const int DefaultPixelsPerModule = 8;

    /// <summary>The largest accepted pixels per module.</summary>
    public const int MaximumPixelsPerModule = 64;

    /// <summary>The error correction level used for every kit.</summary>
    internal const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    private readonly string text;

    /// <summary>Dark modules, [row, column], without quiet zone.</summary>
    private readonly bool[,] modules;

    private KitQrCode(string text, int version, bool[,] modules)
    {
        this.text = text;
        Version = version;
        this.modules = modules;
    }

    /// <summary>The QR version, 1 to 40 (version v has 4v + 17 modules per side).</summary>
    public int Version { get; }

    /// <summary>Modules per side, without the quiet zone.</summary>
    public int Size => modules.GetLength(0);

    /// <summary>Encodes <paramref name="kitText"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kitText"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// It is empty, has a character outside <c>0-9 A-Z</c>, space and <c>$%*+-./:</c>, or is too
    /// long for a QR code. The message never repeats the text.
    /// </exception>
    public static KitQrCode Create(string kitText)
    {
        QrAlphanumeric.EnsureValid(kitText, nameof(kitText));
        using QRCodeData data = Generate(kitText);
        List<BitArray> matrix = data.ModuleMatrix;
        int size = checked(matrix.Count - (2 * QuietZoneModules));
        var modules = new bool[size, size];
        for (int row = 0; row < size; row++)
        {
            BitArray line = matrix[row + QuietZoneModules];
            for (int column = 0; column < size; column++)
            {
                modules[row, column] = line[column + QuietZoneModules];
            }
        }

        return new KitQrCode(kitText, data.Version, modules);
    }

    /// <summary>Whether the module at (<paramref name="row"/>, <paramref name="column"/>) is dark; 0-based, quiet zone excluded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to <see cref="Size"/> - 1.</exception>
    public bool IsDark(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Size);
        return modules[row, column];
    }

    /// <summary>Whether the module is dark, counting the quiet zone as light; any coordinates.</summary>
    internal bool IsDarkOrOutside(int row, int column) =>
        row >= 0 && column >= 0 && row < Size && column < Size && modules[row, column];

    /// <summary>
    /// A black-on-white PNG with the 4-module quiet zone, (<see cref="Size"/> + 8) ×
    /// <paramref name="pixelsPerModule"/> pixels square. Written without System.Drawing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixelsPerModule"/> is outside 1 to 64.</exception>
    public byte[] ToPng(int pixelsPerModule = DefaultPixelsPerModule)
    {
        EnsurePixelsPerModule(pixelsPerModule);
        using QRCodeData data = Generate(text);
        return KitQrPng.Write(data, pixelsPerModule);
    }

    /// <summary>
    /// A self-contained black-on-white SVG document with the 4-module quiet zone, whose width
    /// and height are (<see cref="Size"/> + 8) × <paramref name="pixelsPerModule"/> and whose
    /// view box counts modules, so it scales without blur.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixelsPerModule"/> is outside 1 to 64.</exception>
    public string ToSvg(int pixelsPerModule = DefaultPixelsPerModule)
    {
        EnsurePixelsPerModule(pixelsPerModule);
        using QRCodeData data = Generate(text);
        return KitQrSvg.Write(data, pixelsPerModule);
    }

    /// <summary>
    /// The code drawn with characters for a terminal, lines separated by <c>\n</c> (no final
    /// line break). See <see cref="TerminalQrOptions"/> for half blocks or ASCII and for dark terminals.
    /// </summary>
    public string ToTerminalText(TerminalQrOptions? options = null) =>
        KitQrTerminal.Write(this, options ?? new TerminalQrOptions());

    /// <summary>An SVG element for an HTML page: no XML namespace, sized by the page's CSS.</summary>
    internal string ToInlineSvg()
    {
        using QRCodeData data = Generate(text);
        return KitQrSvg.WriteInline(data);
    }

    /// <summary>Version and size only, never the text.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "KitQrCode (version {0}, {1}x{1} modules)", Version, Size);

    private static void EnsurePixelsPerModule(int pixelsPerModule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelsPerModule, MaximumPixelsPerModule);
    }

    /// <summary>QRCoder's matrix, quiet zone included.</summary>
    private static QRCodeData Generate(string kitText)
    {
        try
        {
            return QRCodeGenerator.GenerateQrCode(kitText, ErrorCorrection);
        }
        catch (DataTooLongException)
        {
            // QRCoder's message is about sizes only, but it is replaced anyway: ours is stable.
            throw new ArgumentException(
                FormattableString.Invariant($"The kit text is {kitText.Length} characters long, more than a QR code can hold."),
                nameof(kitText));
        }
    }
}
