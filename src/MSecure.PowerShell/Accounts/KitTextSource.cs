using System.IO;
using System.Text.RegularExpressions;
using MSecure.Core.Errors;

namespace MSecure.PowerShell.Accounts;

/// <summary>
/// The kit text of a file given to -KitPath: a text file holding the kit, or the printable HTML
/// page Export-MSecureEmergencyKit writes (the kit's text is found in it). Reading a photo or
/// screenshot of the QR code comes with MSecure.Core.Kit.Reading.KitFileReader.
/// </summary>
internal static partial class KitTextSource
{
    private const int MaxFileBytes = 1024 * 1024;

    /// <summary>The kit text in the file at <paramref name="path"/> (a full path).</summary>
    /// <exception cref="MSecureException">KitNotAKit when the file holds no kit text or is too large.</exception>
    internal static string Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The kit file '{Formatting.TerminalText.Of(path)}' does not exist.");
        }

        if (file.Length > MaxFileBytes)
        {
            throw MSecureErrors.KitNotAKit("the file is larger than any emergency kit (1 MiB).");
        }

        string text = File.ReadAllText(path);
        Match match = KitPattern().Match(text);
        if (!match.Success)
        {
            // The HTML kit page sets each dash of the kit text in its own element.
            match = KitPattern().Match(System.Net.WebUtility.HtmlDecode(MarkupPattern().Replace(text, string.Empty)));
        }

        return match.Success ? match.Value : text;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"MSK(?:\s*-\s*[A-Za-z2-7]{1,5}){20,}", RegexOptions.CultureInvariant)]
    private static partial Regex KitPattern();
}
