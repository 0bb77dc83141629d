using System;
using System.IO;

namespace MSecure.PowerShell.Tests;

/// <summary>Paths in the repository and the build output the tests read.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding MSecure.PowerShell.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>docs/cmdlets.</summary>
    public static string CmdletDocs => Path.Combine(Root, "docs", "cmdlets");

    /// <summary>The module manifest source.</summary>
    public static string Manifest => Path.Combine(Root, "MSecure.psd1");

    /// <summary>MSecure.PowerShell.dll as built for this test run (copied beside the tests).</summary>
    public static string ModuleAssembly => Path.Combine(AppContext.BaseDirectory, "MSecure.PowerShell.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MSecure.PowerShell.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MSecure.PowerShell.sln not found above " + AppContext.BaseDirectory);
    }
}
