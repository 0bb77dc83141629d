using System.Text;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Tests.Kit.Printing;
using Xunit;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>Kit text files and HTML kit pages, read back to the same kit.</summary>
public sealed class KitFileReaderTextTests
{
    [Fact]
    public void A_text_file_as_Export_writes_it_reads_back_to_the_kit()
    {
        RealKit.AssertIsTheKit(KitFiles.Read(RealKit.Text + "\n", "kit.txt"));
    }

    [Fact]
    public void Pasted_text_with_a_heading_blank_lines_CRLF_lower_case_and_spaces_reads_back_to_the_kit()
    {
        string text = RealKit.Text.ToLowerInvariant();
        string pasted = "My MSecure kit, printed 31 January:\r\n\r\n  " + text[..60] + " \r\n\r\n\t" + text[60..150].Replace('-', ' ') + "\r\n" + text[150..] + "\r\n\r\n";

        string read = KitFiles.Read(pasted);

        Assert.StartsWith("msk", read, System.StringComparison.Ordinal);
        RealKit.AssertIsTheKit(read);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void A_text_file_with_a_byte_order_mark_reads_back_to_the_kit(string encodingName)
    {
        Encoding encoding = encodingName switch
        {
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        };
        byte[] content = [.. encoding.GetPreamble(), .. encoding.GetBytes(RealKit.Text + "\r\n")];

        RealKit.AssertIsTheKit(KitFiles.Read(content));
    }

    [Fact]
    public void The_printable_HTML_page_reads_back_to_the_kit()
    {
        RealKit.AssertIsTheKit(KitFiles.Read(KitRenderer.RenderHtml(RealKit.Sheet), "kit.html"));
    }

    [Fact]
    public void The_HTML_page_minified_onto_one_line_reads_back_to_the_kit()
    {
        string html = KitRenderer.RenderHtml(RealKit.Sheet).Replace("\n", string.Empty, System.StringComparison.Ordinal);

        RealKit.AssertIsTheKit(KitFiles.Read(html));
    }

    [Fact]
    public void Entities_in_a_page_are_decoded()
    {
        // A page that spells the kit with character references, as some editors save it.
        string text = RealKit.Text;
        string encoded = "&#77;&#x53;K" + text[3..21].Replace("-", "&ndash;", System.StringComparison.Ordinal) + "&hyphen;" + text[22..];
        string html = "<!doctype html><html><body><h1>Kit</h1><p>Keep this safe.</p><pre>" + encoded + "</pre><p>Printed today, 09:30.</p></body></html>";

        RealKit.AssertIsTheKit(KitFiles.Read(html));
    }

    [Fact]
    public void Text_in_scripts_styles_and_comments_is_never_taken_for_the_kit()
    {
        string decoy = FakeKit.Typical();
        string html = "<html><head><title>" + decoy + "</title><script>var k='" + decoy + "';</script><style>/* " + decoy + " */</style></head>"
            + "<body><!-- " + decoy + " --><ol class=\"kit-text\"><li>" + RealKit.Text + "</li></ol></body></html>";

        RealKit.AssertIsTheKit(KitFiles.Read(html));
    }

    [Fact]
    public void The_content_decides_the_format_not_the_extension()
    {
        RealKit.AssertIsTheKit(KitFiles.Read(KitRenderer.RenderHtml(RealKit.Sheet), "kit.png"));
        RealKit.AssertIsTheKit(KitFiles.Read(KitRenderer.RenderPng(RealKit.Sheet), "kit.txt"));
        RealKit.AssertIsTheKit(KitFiles.Read(RealKit.Text, "kit.html"));
    }
}
