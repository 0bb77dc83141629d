using System;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// The kit text on an HTML page, read with AngleSharp's HTML5 parser (entities decoded as a
/// browser does; nothing executed or loaded). The printable kit page keeps it in the element
/// of class <c>kit-text</c>; any other page (a kit saved from an e-mail, say) is searched for
/// the element whose whole text is kit text.
/// </summary>
internal static class KitHtmlText
{
    private const string KitTextSelector = ".kit-text";

    /// <summary>Elements whose text is never shown as text.</summary>
    private static readonly string[] HiddenElements = ["script", "style", "template", "noscript", "svg", "title", "head"];

    /// <summary>Whether <paramref name="text"/> is markup rather than kit text, which never starts with a tag.</summary>
    internal static bool IsMarkup(string text) => text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

    /// <exception cref="MSecureException">KitNotAKit: the page holds no kit text.</exception>
    internal static string Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using IDocument document = parser.ParseDocument(html);
        foreach (IElement hidden in document.QuerySelectorAll(string.Join(',', HiddenElements)).ToList())
        {
            hidden.Remove();
        }

        string? kit = KitTextElementOf(document) ?? KitTextAnywhereIn(document);
        if (kit is not null)
        {
            return kit;
        }

        throw MSecureErrors.KitNotAKit(IsSvg(html)
            ? "it is an SVG image, which MSecure cannot scan. Use the kit text, the HTML kit page, or a PNG or JPEG image of the QR code."
            : "the page holds no kit text (no text starting with MSK).");
    }

    /// <summary>The text of the printable kit page's kit-text element.</summary>
    private static string? KitTextElementOf(IDocument document)
    {
        foreach (IElement element in document.QuerySelectorAll(KitTextSelector))
        {
            string text = element.TextContent.Trim();
            if (KitTextCandidate.StartsLikeKit(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The longest element text that starts with MSK and holds only kit characters.</summary>
    private static string? KitTextAnywhereIn(IDocument document) =>
        document.All
            .Select(element => element.TextContent.Trim())
            .Where(text => KitTextCandidate.StartsLikeKit(text) && KitTextCandidate.HasOnlyKitCharacters(text))
            .OrderByDescending(text => text.Length)
            .FirstOrDefault();

    private static bool IsSvg(string text)
    {
        ReadOnlySpan<char> start = text.AsSpan().TrimStart();
        return (start.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
