using System;
using QRCoder;

namespace MSecure.Core.Kit.Printing;

/// <summary>Writes the SVG of a QR code with QRCoder's SVG writer (string colours only, no System.Drawing).</summary>
internal static class KitQrSvg
{
    private const string Black = "#000000";
    private const string White = "#ffffff";

    /// <summary>How QRCoder opens its SVG element; HTML does not need the namespace.</summary>
    private const string NamespacedOpening = "<svg xmlns=\"http://www.w3.org/2000/svg\" ";

    /// <summary>A standalone document: width and height in pixels, view box in modules.</summary>
    internal static string Write(QRCodeData data, int pixelsPerModule)
    {
        using var writer = new SvgQRCode(data);
        return writer.GetGraphic(pixelsPerModule, Black, White, drawQuietZones: true, SvgQRCode.SizingMode.WidthHeightAttribute);
    }

    /// <summary>
    /// An <c>svg</c> element to place in HTML: view box only (the page sizes it), with
    /// <c>role="img"</c>, and without the XML namespace, which the HTML parser supplies; so
    /// the page holds no URL at all.
    /// </summary>
    internal static string WriteInline(QRCodeData data)
    {
        using var writer = new SvgQRCode(data);
        string svg = writer.GetGraphic(1, Black, White, drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        if (!svg.StartsWith(NamespacedOpening, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("QRCoder's SVG does not start as expected; this version of QRCoder is not supported.");
        }

        return "<svg role=\"img\" aria-label=\"QR code of the kit text\" " + svg[NamespacedOpening.Length..];
    }
}
