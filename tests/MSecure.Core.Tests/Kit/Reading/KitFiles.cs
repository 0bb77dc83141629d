using System.IO;
using System.Text;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Tests.TestSupport;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>Writes content to a file in a fresh folder and reads the kit text out of it.</summary>
internal static class KitFiles
{
    public static string Read(byte[] content, string fileName = "kit")
    {
        using var directory = new TempDirectory();
        string path = directory.File(fileName);
        File.WriteAllBytes(path, content);
        return KitFileReader.ReadKitText(path);
    }

    public static string Read(string text, string fileName = "kit") =>
        Read(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), fileName);
}
