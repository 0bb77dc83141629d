using System;
using System.IO;
using System.Linq;

namespace MSecure.HelpBuilder;

/// <summary>
/// <c>MSecure.HelpBuilder &lt;docs/cmdlets folder&gt; &lt;output .dll-Help.xml&gt;</c>: reads every
/// PlatyPS markdown file of the folder and writes one MAML file. Exit code 1 on a malformed file.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args is not [string docs, string output])
        {
            Console.Error.WriteLine("usage: MSecure.HelpBuilder <docs/cmdlets folder> <output MSecure.PowerShell.dll-Help.xml>");
            return 2;
        }

        try
        {
            var commands = Directory.GetFiles(docs, "*.md")
                .Order(StringComparer.Ordinal)
                .Select(file => PlatyPsMarkdown.Read(File.ReadAllText(file), file))
                .ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            string temporary = output + ".tmp";
            MamlWriter.Write(commands).Save(temporary);
            File.Move(temporary, output, overwrite: true);
            Console.WriteLine($"MSecure.HelpBuilder: {commands.Count} cmdlets -> {output}");
            return 0;
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error MSH0001: {exception.Message}");
            return 1;
        }
    }
}
