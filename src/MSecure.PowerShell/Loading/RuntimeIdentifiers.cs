using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace MSecure.PowerShell.Loading;

/// <summary>
/// The runtime identifiers whose <c>runtimes/&lt;rid&gt;/</c> folders may hold assets for this
/// process, most specific first: the runtime's own identifier (for example
/// <c>linux-musl-x64</c>), the portable one (<c>linux-x64</c>, <c>osx-arm64</c>, <c>win-x64</c>),
/// then the operating system family (<c>linux</c>, <c>unix</c>, <c>win</c>).
/// </summary>
internal static class RuntimeIdentifiers
{
    /// <summary>The candidates for the running process.</summary>
    internal static IReadOnlyList<string> ForCurrentProcess { get; } = Candidates(
        RuntimeInformation.RuntimeIdentifier,
        OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux",
        RuntimeInformation.ProcessArchitecture);

    /// <summary>The candidates for a runtime identifier, operating system family and architecture.</summary>
    internal static IReadOnlyList<string> Candidates(string runtimeIdentifier, string operatingSystem, Architecture architecture)
    {
        var candidates = new List<string>(6);
        string arch = architecture.ToString().ToLowerInvariant();
        bool musl = runtimeIdentifier.Contains("-musl-", StringComparison.OrdinalIgnoreCase)
            || runtimeIdentifier.StartsWith("alpine", StringComparison.OrdinalIgnoreCase);
        Add(candidates, runtimeIdentifier);
        if (musl)
        {
            Add(candidates, $"linux-musl-{arch}");
        }

        Add(candidates, $"{operatingSystem}-{arch}");
        Add(candidates, operatingSystem);
        if (operatingSystem != "win")
        {
            Add(candidates, "unix");
        }

        return candidates;
    }

    private static void Add(List<string> candidates, string rid)
    {
        if (rid.Length > 0 && !candidates.Contains(rid, StringComparer.OrdinalIgnoreCase))
        {
            candidates.Add(rid);
        }
    }
}
