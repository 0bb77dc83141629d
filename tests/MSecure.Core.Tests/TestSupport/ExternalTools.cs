using System;
using System.Collections.Generic;
using System.IO;

namespace MSecure.Core.Tests.TestSupport;

/// <summary>The programs some tests run, found on PATH, with the Debian package that installs each.</summary>
internal static class ExternalTools
{
    /// <summary>Debian's QR and bar code reader (package zbar-tools).</summary>
    public const string Zbarimg = "zbarimg";

    /// <summary>Headless Chromium (package chromium).</summary>
    public const string Chromium = "chromium";

    /// <summary>KeePassXC's command line (package keepassxc): builds real databases for the import tests.</summary>
    public const string KeePassXcCli = "keepassxc-cli";

    /// <summary>Sleeps (package coreutils); only the runner's own tests use it.</summary>
    public const string Sleep = "sleep";

    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        [Zbarimg] = "zbar-tools",
        [Chromium] = "chromium",
        [Sleep] = "coreutils",
        [KeePassXcCli] = "keepassxc",
    };

    /// <summary>The Debian package that installs <paramref name="tool"/>.</summary>
    public static string PackageOf(string tool) => Packages.TryGetValue(tool, out string? package) ? package : tool;

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The full path of <paramref name="tool"/>; throws when it is missing (the test attribute has already decided whether to skip).</summary>
    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException(
            $"{tool} is not on PATH: apt-get install {PackageOf(tool)}");
}
