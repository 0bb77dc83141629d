using System;
using System.IO;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>The SVG as a browser draws it, read back by zbarimg.</summary>
[Collection(HeadlessChromiumGroup.Name)]
public class KitQrSvgRenderTests
{
    [RequiresToolsFact(ExternalTools.Chromium, ExternalTools.Zbarimg)]
    public void Chromium_draws_an_SVG_that_zbarimg_reads_back_exactly()
    {
        string kit = FakeKit.Typical();
        var sheet = new EmergencyKitSheet(kit, "ada@example.org", TestValues.AccountId, DateTimeOffset.UnixEpoch);
        using var directory = new TempDirectory();
        string svgPath = directory.File("kit.svg");
        File.WriteAllText(svgPath, KitRenderer.RenderSvg(sheet));

        string screenshot = HeadlessChromium.Screenshot(svgPath, directory);

        Assert.Equal(kit, QrReader.DecodeSingle(screenshot));
    }
}
