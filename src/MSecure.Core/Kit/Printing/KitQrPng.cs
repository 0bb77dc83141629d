using QRCoder;

namespace MSecure.Core.Kit.Printing;

/// <summary>Writes the PNG of a QR code with QRCoder's own PNG encoder (no System.Drawing, so it works on Linux and macOS).</summary>
internal static class KitQrPng
{
    private static readonly byte[] Black = [0x00, 0x00, 0x00, 0xFF];
    private static readonly byte[] White = [0xFF, 0xFF, 0xFF, 0xFF];

    /// <summary>Black on white, quiet zone drawn.</summary>
    internal static byte[] Write(QRCodeData data, int pixelsPerModule)
    {
        using var writer = new PngByteQRCode(data);
        return writer.GetGraphic(pixelsPerModule, Black, White, drawQuietZones: true);
    }
}
