using System;
using System.Linq;
using Xunit;

namespace MSecure.Core.Tests.TestSupport;

/// <summary>
/// A fact that runs external programs (see <see cref="ExternalTools"/>). Skipped on a developer
/// machine that lacks one of them, but never under CI (CI=true): there a missing program must
/// fail the run, not hide the check.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        Skip = ToolSkipReason.For(tools);
    }
}

/// <summary>The theory form of <see cref="RequiresToolsFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsTheoryAttribute : TheoryAttribute
{
    public RequiresToolsTheoryAttribute(params string[] tools)
    {
        Skip = ToolSkipReason.For(tools);
    }
}

internal static class ToolSkipReason
{
    /// <summary>Null (run) when every tool is there or when running under CI; otherwise why the test is skipped.</summary>
    public static string? For(string[] tools)
    {
        bool underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        string[] missing = tools.Where(tool => ExternalTools.Find(tool) is null).ToArray();
        if (missing.Length == 0 || underCi)
        {
            return null;
        }

        string packages = string.Join(' ', missing.Select(ExternalTools.PackageOf));
        return $"{string.Join(", ", missing)} not on PATH (apt-get install {packages}); CI installs it and never skips this.";
    }
}
