using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using MSecure.Core.Kit;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Vault;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Files;

namespace MSecure.PowerShell.Kits;

/// <summary>
/// Renders emergency kits and writes them to files: 0600 on Unix from the moment they exist,
/// written to a temporary file beside the target and renamed, never over an existing file
/// unless asked to.
/// </summary>
internal static class KitFiles
{
    /// <summary>The kit formats, as -Format names them.</summary>
    internal const string Text = "Text";

    /// <summary>The QR code drawn with characters.</summary>
    internal const string Terminal = "Terminal";

    /// <summary>The QR code as a PNG image.</summary>
    internal const string Png = "Png";

    /// <summary>The QR code as an SVG image.</summary>
    internal const string Svg = "Svg";

    /// <summary>The printable page.</summary>
    internal const string Html = "Html";

    private static readonly string[] Formats = [Text, Terminal, Png, Svg, Html];

    /// <summary>The format named <paramref name="name"/> (ignoring case, as the ValidateSet does) in its canonical spelling; null for null.</summary>
    internal static string? Canonical(string? name) =>
        name is null ? null : System.Array.Find(Formats, format => string.Equals(format, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    /// <summary>The sheet of <paramref name="kit"/>, dated now.</summary>
    internal static EmergencyKitSheet SheetOf(EmergencyKit kit) => new(kit.ToText(), kit.Email, kit.AccountId, DateTimeOffset.Now);

    /// <summary>Whether the format is an image or page that only makes sense as a file.</summary>
    internal static bool NeedsFile(string format) => format is Png or Svg or Html;

    /// <summary>The -Format to use: the one given, else the one of the file extension (.png, .svg, .html, .htm), else Text.</summary>
    internal static string FormatFor(string? format, string? path) =>
        format ?? System.IO.Path.GetExtension(path ?? string.Empty).ToUpperInvariant() switch
        {
            ".PNG" => Png,
            ".SVG" => Svg,
            ".HTML" or ".HTM" => Html,
            _ => Text,
        };

    /// <summary>The kit rendered for the pipeline (Text, Terminal).</summary>
    internal static string RenderText(EmergencyKitSheet sheet, string format) =>
        format == Terminal ? KitRenderer.RenderTerminal(sheet) : sheet.KitText;

    /// <summary>The file content of the kit in <paramref name="format"/>.</summary>
    internal static byte[] Render(EmergencyKitSheet sheet, string format) => format switch
    {
        Png => KitRenderer.RenderPng(sheet),
        Svg => Encoding.UTF8.GetBytes(KitRenderer.RenderSvg(sheet)),
        Html => Encoding.UTF8.GetBytes(KitRenderer.RenderHtml(sheet)),
        _ => Encoding.UTF8.GetBytes(RenderText(sheet, format) + "\n"),
    };

    /// <summary>
    /// Where Set-MSecurePassword and Reset-MSecureAccountKey save the new kit when no -KitPath is
    /// given: beside the vault file (which already holds the same wrapped key, so the kit adds
    /// nothing to steal there), named <c>&lt;vault&gt;-emergency-kit-&lt;yyyyMMdd-HHmmss&gt;.html</c>.
    /// </summary>
    internal static string DefaultPathFor(string vaultPath)
    {
        string directory = System.IO.Path.GetDirectoryName(vaultPath) ?? ".";
        string stem = string.Format(CultureInfo.InvariantCulture, "{0}-emergency-kit-{1:yyyyMMdd-HHmmss}", VaultLocations.NameOf(vaultPath), DateTime.Now);
        string path = System.IO.Path.Combine(directory, stem + ".html");
        for (int i = 2; File.Exists(path); i++)
        {
            path = System.IO.Path.Combine(directory, string.Format(CultureInfo.InvariantCulture, "{0}-{1}.html", stem, i));
        }

        return path;
    }

    /// <summary>The printable page of <paramref name="kit"/>, just made by a key change.</summary>
    internal static byte[] RenderNewKit(EmergencyKit kit) => Render(SheetOf(kit), Html);

    /// <summary>FileExists unless the file is absent (or <paramref name="force"/>).</summary>
    /// <exception cref="ModuleException">FileExists.</exception>
    internal static void EnsureWritable(string path, bool force)
    {
        if (!force && (File.Exists(path) || Directory.Exists(path)))
        {
            throw new ModuleException(ModuleErrorIds.FileExists, ErrorCategory.ResourceExists,
                $"The file '{path}' already exists. Choose another path, or use -Force to replace it.");
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, owner-only on Unix.</summary>
    /// <exception cref="ModuleException">FileExists (appeared meanwhile), KitFileWriteFailed.</exception>
    internal static FileInfo Write(string path, byte[] content, bool overwrite)
    {
        try
        {
            PrivateFile.WriteAtomically(path, content, overwrite, () => EnsureWritable(path, overwrite));
            return new FileInfo(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ModuleException(ModuleErrorIds.KitFileWriteFailed, ErrorCategory.WriteError,
                $"The emergency kit could not be written to '{path}': {exception.Message}", exception);
        }
    }
}
