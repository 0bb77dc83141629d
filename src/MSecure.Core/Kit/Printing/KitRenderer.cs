using System;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// Renders an <see cref="EmergencyKitSheet"/> for people: the QR code of its kit text as PNG,
/// SVG or terminal text, and the whole kit as a printable HTML page. Any standard QR reader
/// decodes each image back to the exact kit text.
/// </summary>
public static class KitRenderer
{
    /// <summary>The QR code as a black-on-white PNG with a 4-module quiet zone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixelsPerModule"/> is outside 1 to 64.</exception>
    /// <exception cref="ArgumentException">The kit text is too long for a QR code.</exception>
    public static byte[] RenderPng(EmergencyKitSheet sheet, int pixelsPerModule = KitQrCode.DefaultPixelsPerModule) =>
        QrCodeOf(sheet).ToPng(pixelsPerModule);

    /// <summary>The QR code as a self-contained black-on-white SVG document with a 4-module quiet zone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixelsPerModule"/> is outside 1 to 64.</exception>
    /// <exception cref="ArgumentException">The kit text is too long for a QR code.</exception>
    public static string RenderSvg(EmergencyKitSheet sheet, int pixelsPerModule = KitQrCode.DefaultPixelsPerModule) =>
        QrCodeOf(sheet).ToSvg(pixelsPerModule);

    /// <summary>The QR code drawn with characters for a terminal (see <see cref="TerminalQrOptions"/>).</summary>
    /// <exception cref="ArgumentException">The kit text is too long for a QR code.</exception>
    public static string RenderTerminal(EmergencyKitSheet sheet, TerminalQrOptions? options = null) =>
        QrCodeOf(sheet).ToTerminalText(options);

    /// <summary>
    /// The printable kit: one self-contained HTML page (no script, no external resource) with
    /// the title, the QR code, the kit text in groups of five, the email, the account id, the
    /// creation date in ISO 8601 and <see cref="KitInstructions.Steps"/>. Fits one A4 or US Letter page.
    /// </summary>
    /// <exception cref="ArgumentException">The kit text is too long for a QR code.</exception>
    public static string RenderHtml(EmergencyKitSheet sheet) =>
        KitHtmlPage.Write(sheet, QrCodeOf(sheet));

    private static KitQrCode QrCodeOf(EmergencyKitSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return KitQrCode.Create(sheet.KitText);
    }
}
