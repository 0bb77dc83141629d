using System;

namespace MSecure.Core.Masking;

/// <summary>Which CI system (if any) runs this process, from the variables each sets in every job.</summary>
public static class LogMaskDetection
{
    /// <summary>
    /// GitHubActions when GITHUB_ACTIONS is "true", AzurePipelines when TF_BUILD is "True"
    /// (case-insensitive, as both systems document them), otherwise None.
    /// </summary>
    /// <param name="getVariable">Reads an environment variable; tests pass a dictionary's lookup.</param>
    public static LogMaskTarget Detect(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (string.Equals(getVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return LogMaskTarget.GitHubActions;
        }

        return string.Equals(getVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase)
            ? LogMaskTarget.AzurePipelines
            : LogMaskTarget.None;
    }

    /// <summary><paramref name="requested"/> when given, else what this process's environment says.</summary>
    public static LogMaskTarget Resolve(LogMaskTarget? requested) =>
        requested ?? Detect(Environment.GetEnvironmentVariable);
}
