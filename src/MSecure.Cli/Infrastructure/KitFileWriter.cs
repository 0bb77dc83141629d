using System;
using System.IO;
using System.Text;
using MSecure.Core.Kit;
using MSecure.Core.Kit.Printing;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Renders an emergency kit (text, html, png, svg, terminal) and writes it to a file: owner-only
/// (0600 on Unix) from the moment it exists, written to a temporary file and renamed, never over
/// an existing file unless --force.
/// </summary>
internal static class KitFileWriter
{
    internal const string Text = "text";
    internal const string Html = "html";
    internal const string Png = "png";
    internal const string Svg = "svg";
    internal const string Terminal = "terminal";

    internal static readonly string[] Formats = [Text, Html, Png, Svg, Terminal];

    /// <summary>The format: the one given, else by the file's extension, else text.</summary>
    internal static string FormatFor(string? format, string? path) =>
        format ?? Path.GetExtension(path ?? string.Empty).ToUpperInvariant() switch
        {
            ".PNG" => Png,
            ".SVG" => Svg,
            ".HTML" or ".HTM" => Html,
            _ => Text,
        };

    /// <summary>Whether the format only makes sense as a file.</summary>
    internal static bool NeedsFile(string format) => format is Png or Svg or Html;

    /// <summary>The sheet of <paramref name="kit"/>, dated now.</summary>
    internal static EmergencyKitSheet SheetOf(EmergencyKit kit) => new(kit.ToText(), kit.Email, kit.AccountId, DateTimeOffset.Now);

    /// <summary>The kit as text for standard output (text or terminal).</summary>
    internal static string RenderText(EmergencyKitSheet sheet, string format) =>
        format == Terminal ? KitRenderer.RenderTerminal(sheet) : sheet.KitText;

    /// <summary>Writes the kit to <paramref name="path"/> in <paramref name="format"/>.</summary>
    /// <exception cref="CliException">FileExists, KitFileWriteFailed.</exception>
    internal static void Write(EmergencyKitSheet sheet, string format, string path, bool force)
    {
        byte[] content = format switch
        {
            Png => KitRenderer.RenderPng(sheet),
            Svg => Encoding.UTF8.GetBytes(KitRenderer.RenderSvg(sheet)),
            Html => Encoding.UTF8.GetBytes(KitRenderer.RenderHtml(sheet)),
            _ => Encoding.UTF8.GetBytes(RenderText(sheet, format) + "\n"),
        };
        EnsureWritable(path, force);
        string temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            EnsureWritable(path, force);
            File.Move(temporary, path, force);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException("KitFileWriteFailed", ExitCodes.Generic, $"The emergency kit could not be written to '{path}' ({exception.GetType().Name}).", exception);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    internal static void EnsureWritable(string path, bool force)
    {
        if (!force && (File.Exists(path) || Directory.Exists(path)))
        {
            throw new CliException("FileExists", ExitCodes.Conflict, $"The file '{path}' already exists; choose another path or use --force.");
        }
    }
}
