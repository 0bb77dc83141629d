using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.HelpBuilder;

namespace MSecure.PowerShell.Tests.Help;

/// <summary>The cmdlet help markdown of docs/cmdlets, read with the HelpBuilder's reader.</summary>
internal static class CmdletDocs
{
    public static IReadOnlyDictionary<string, CommandHelp> ReadAll() =>
        Directory.GetFiles(RepositoryPaths.CmdletDocs, "*.md")
            .Select(file => PlatyPsMarkdown.Read(File.ReadAllText(file), file))
            .ToDictionary(help => help.Name, System.StringComparer.OrdinalIgnoreCase);
}
