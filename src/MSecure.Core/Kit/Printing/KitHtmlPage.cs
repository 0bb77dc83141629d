using System.Collections.Generic;
using System.Net;
using System.Text;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// Writes the printable kit as one self-contained HTML page: inline CSS, the QR code as inline
/// SVG, no script, no URL, and a Content-Security-Policy that forbids loading anything. Every
/// value from the sheet is HTML-encoded.
/// </summary>
internal static class KitHtmlPage
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    internal static string Write(EmergencyKitSheet sheet, KitQrCode code)
    {
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light\">\n")
            .Append("<title>").Append(Encode(KitInstructions.Title)).Append("</title>\n")
            .Append("<style>\n").Append(KitHtmlStyle.Css).Append("\n</style>\n</head>\n<body>\n<main class=\"sheet\">\n");

        html.Append("<header>\n<h1>").Append(Encode(KitInstructions.Title)).Append("</h1>\n")
            .Append("<p class=\"summary\">").Append(Encode(KitInstructions.Summary)).Append("</p>\n</header>\n");

        html.Append("<section class=\"kit\">\n<div class=\"qr\">").Append(code.ToInlineSvg()).Append("</div>\n")
            .Append("<dl class=\"details\">\n")
            .Append("<dt>Email</dt><dd><bdi>").Append(Encode(sheet.Email)).Append("</bdi></dd>\n")
            .Append("<dt>Account ID</dt><dd class=\"mono\">").Append(Encode(sheet.AccountId.ToString("D"))).Append("</dd>\n")
            .Append("<dt>Created</dt><dd class=\"mono\"><time datetime=\"").Append(Encode(sheet.CreatedAtIso8601)).Append("\">")
            .Append(Encode(sheet.CreatedAtIso8601)).Append("</time></dd>\n")
            .Append("</dl>\n</section>\n");

        html.Append("<section>\n<h2>Kit text</h2>\n<ol class=\"kit-text mono\">\n");
        AppendKitText(html, sheet.KitText);
        html.Append("</ol>\n<p class=\"hint\">Type the groups in order, or scan the QR code. Dashes, spaces and lower case make no difference.</p>\n</section>\n");

        html.Append("<section>\n<h2>How to use this kit</h2>\n<ol class=\"steps\">\n");
        foreach (string step in KitInstructions.Steps)
        {
            html.Append("<li>").Append(Encode(step)).Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>One list item per line of groups; a line that continues ends with its dash.</summary>
    private static void AppendKitText(StringBuilder html, string kitText)
    {
        List<List<string>> lines = KitTextLayout.Lines(kitText);
        for (int line = 0; line < lines.Count; line++)
        {
            html.Append("<li>");
            List<string> groups = lines[line];
            for (int i = 0; i < groups.Count; i++)
            {
                if (i > 0)
                {
                    html.Append("<span class=\"dash\">-</span>");
                }

                html.Append(Encode(groups[i]));
            }

            if (line < lines.Count - 1)
            {
                html.Append("<span class=\"dash\">-</span>");
            }

            html.Append("</li>\n");
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
