using System;
using System.IO;

namespace MSecure.Core.Tests.TestSupport;

/// <summary>Reads QR codes in images with Debian's zbarimg.</summary>
internal static class QrReader
{
    /// <summary>
    /// The text of the one QR code in <paramref name="imagePath"/> (zbarimg --raw, without the
    /// line break it adds); fails when there is none or more than one.
    /// </summary>
    public static string DecodeSingle(string imagePath)
    {
        ProcessResult result = ProcessRunner.Run(
            ExternalTools.Require(ExternalTools.Zbarimg),
            ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", imagePath]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"zbarimg found no QR code in {Path.GetFileName(imagePath)} (exit {result.ExitCode}): {result.StandardError}");
        }

        string output = result.StandardOutput;
        if (!output.EndsWith('\n'))
        {
            throw new InvalidOperationException("zbarimg's output does not end with a line break.");
        }

        string text = output[..^1];
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("zbarimg found more than one code (or a line break in the text).");
        }

        return text;
    }

    /// <summary>Writes <paramref name="png"/> to a file in <paramref name="directory"/> and decodes it.</summary>
    public static string DecodeSingle(byte[] png, TempDirectory directory)
    {
        string path = directory.File("code.png");
        File.WriteAllBytes(path, png);
        return DecodeSingle(path);
    }
}
