using System.IO;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Tests.Kit.Printing;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>A real Chromium screenshot of the whole printable kit page, read back to the same kit.</summary>
[Collection(HeadlessChromiumGroup.Name)]
public sealed class KitFileReaderScreenshotTests
{
    [RequiresToolsTheory(ExternalTools.Chromium)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_screenshot_of_the_HTML_page_reads_back_to_the_kit(int deviceScaleFactor)
    {
        using var directory = new TempDirectory();

        string screenshot = ScreenshotOfThePage(directory, deviceScaleFactor);

        RealKit.AssertIsTheKit(KitFileReader.ReadKitText(screenshot));
    }

    [RequiresToolsTheory(ExternalTools.Chromium)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_JPEG_of_the_screenshot_reads_back_to_the_kit(int deviceScaleFactor)
    {
        using var directory = new TempDirectory();
        string jpeg = directory.File("screenshot.jpg");
        File.WriteAllBytes(jpeg, TestImage.Load(File.ReadAllBytes(ScreenshotOfThePage(directory, deviceScaleFactor))).ToJpeg(75));

        RealKit.AssertIsTheKit(KitFileReader.ReadKitText(jpeg));
    }

    [RequiresToolsFact(ExternalTools.Chromium, ExternalTools.Zbarimg)]
    public void Zbarimg_reads_the_same_text_from_the_screenshot()
    {
        using var directory = new TempDirectory();
        string screenshot = ScreenshotOfThePage(directory, deviceScaleFactor: 1);

        Assert.Equal(QrReader.DecodeSingle(screenshot), KitFileReader.ReadKitText(screenshot));
    }

    private static string ScreenshotOfThePage(TempDirectory directory, int deviceScaleFactor)
    {
        string page = directory.File("kit.html");
        File.WriteAllText(page, KitRenderer.RenderHtml(RealKit.Sheet));
        return HeadlessChromium.Screenshot(page, directory, width: 1200, height: 2000, deviceScaleFactor: deviceScaleFactor);
    }
}
