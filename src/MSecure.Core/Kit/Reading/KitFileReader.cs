using System;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// Reads the emergency kit's text out of a file, whatever form the owner kept it in: the kit
/// text (as Export-MSecureEmergencyKit writes it, or typed and pasted), the printable HTML page,
/// or a PNG or JPEG photo or screenshot of its QR code. The form is told by the content, never
/// by the file name. Nothing in the file is executed and nothing is written anywhere.
/// </summary>
public static class KitFileReader
{
    /// <summary>Larger files are refused before they are read: 20 MiB holds any kit page and a phone photo.</summary>
    public const int MaximumFileBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The kit text in the file at <paramref name="path"/>, starting with <c>MSK</c>. It is not
    /// parsed here: <see cref="EmergencyKit.Parse"/> tells a mistyped kit apart.
    /// </summary>
    /// <exception cref="MSecureException">
    /// KitFileUnreadable (missing, a folder, not permitted, an I/O error, larger than
    /// <see cref="MaximumFileBytes"/>, or a damaged image); KitNotAKit (empty, another kind of
    /// file, a page or text without kit text, an image without a QR code, a QR code that holds
    /// something else); InvalidArgument (an empty path).
    /// </exception>
    public static string ReadKitText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw MSecureErrors.InvalidArgument("path", "it is empty.");
        }

        byte[] content = KitFileBytes.Read(path, MaximumFileBytes);
        if (KitFileSniffer.Detect(content) != KitFileKind.Text)
        {
            return KitQrScanner.ReadKitText(KitImagePixels.Decode(content, path));
        }

        string text = KitFileText.Decode(content);
        return KitHtmlText.IsMarkup(text) ? KitHtmlText.Extract(text) : KitPlainText.Extract(text);
    }
}
