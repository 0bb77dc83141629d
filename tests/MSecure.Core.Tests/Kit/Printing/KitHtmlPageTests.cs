using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>The printable page: what it says, that it loads nothing, that it encodes what it shows, and that its QR code scans.</summary>
[Collection(HeadlessChromiumGroup.Name)]
public class KitHtmlPageTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 31, 9, 30, 5, TimeSpan.FromHours(-5));

    private static EmergencyKitSheet Sheet(string email = "ada.lovelace@example.org") =>
        new(FakeKit.Typical(), email, TestValues.AccountId, CreatedAt);

    [Fact]
    public void Shows_the_title_the_account_and_the_date()
    {
        string html = KitRenderer.RenderHtml(Sheet());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>MSecure Emergency Kit</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>MSecure Emergency Kit</h1>", html, StringComparison.Ordinal);
        Assert.Contains("ada.lovelace@example.org", html, StringComparison.Ordinal);
        Assert.Contains("00112233-4455-6677-8899-aabbccddeeff", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-01-31T09:30:05-05:00\">2026-01-31T09:30:05-05:00</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_kit_text_in_its_groups_of_five()
    {
        string kit = FakeKit.Typical();
        string html = KitRenderer.RenderHtml(Sheet());

        MatchCollection lines = Regex.Matches(html, "<li>((?:[A-Z0-9]{1,5}|<span class=\"dash\">-</span>)+)</li>");
        Assert.Equal(9, lines.Count); // 49 groups (MSK and 48 of five), six to a line
        string shown = string.Concat(lines.Select(static line => line.Groups[1].Value.Replace("<span class=\"dash\">-</span>", "-", StringComparison.Ordinal)));
        Assert.Equal(kit, shown);
        Assert.Contains("<ol class=\"kit-text mono\">", html, StringComparison.Ordinal);
        foreach (string group in kit.Split('-'))
        {
            Assert.Contains(group, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Gives_every_instruction()
    {
        string html = KitRenderer.RenderHtml(Sheet());

        Assert.Equal(4, KitInstructions.Steps.Count);
        foreach (string step in KitInstructions.Steps)
        {
            Assert.Contains("<li>" + WebUtility.HtmlEncode(step) + "</li>", html, StringComparison.Ordinal);
        }

        string text = WebUtility.HtmlDecode(html);
        Assert.Contains("offline", text, StringComparison.Ordinal);
        Assert.Contains("enroll the device in MSecure with the kit text", text, StringComparison.Ordinal);
        Assert.Contains("scan the QR code", text, StringComparison.Ordinal);
        Assert.Contains("The kit alone cannot open your vault, and your password alone cannot either", text, StringComparison.Ordinal);
        Assert.Contains("still opens your vault with the OLD password. Destroy this kit and print the new one.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_nothing_from_outside()
    {
        string html = KitRenderer.RenderHtml(Sheet());

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"//", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_a_hostile_email()
    {
        const string hostile = "<script>alert(1)</script>@x";

        string html = KitRenderer.RenderHtml(Sheet(hostile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;@x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_quotes_and_ampersands_in_the_email()
    {
        string html = KitRenderer.RenderHtml(Sheet("\"o'neil\"&co@example.org"));

        Assert.Contains("&quot;o&#39;neil&quot;&amp;co@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("o'neil", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_no_sheet()
    {
        Assert.Throws<ArgumentNullException>(() => KitRenderer.RenderHtml(null!));
    }

    [RequiresToolsFact(ExternalTools.Chromium, ExternalTools.Zbarimg)]
    public void Chromium_draws_a_page_whose_QR_code_zbarimg_reads_back_exactly()
    {
        using var directory = new TempDirectory();
        string page = directory.File("kit.html");
        File.WriteAllText(page, KitRenderer.RenderHtml(Sheet("<script>alert(1)</script>@x")));

        string screenshot = HeadlessChromium.Screenshot(page, directory);

        Assert.Equal(FakeKit.Typical(), QrReader.DecodeSingle(screenshot));
        KeepScreenshotIfAsked(screenshot);
    }

    /// <summary>For a person to look at the page: set MSECURE_KEEP_SCREENSHOT to a file path.</summary>
    private static void KeepScreenshotIfAsked(string screenshot)
    {
        string? keep = Environment.GetEnvironmentVariable("MSECURE_KEEP_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(screenshot, keep, overwrite: true);
        }
    }
}
