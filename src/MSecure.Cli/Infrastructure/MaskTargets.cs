using MSecure.Core.Masking;

namespace MSecure.Cli.Infrastructure;

/// <summary>The --mask-for names and the masking they select.</summary>
internal static class MaskTargets
{
    internal const string GitHubActions = "github-actions";
    internal const string AzurePipelines = "azure-pipelines";
    internal const string None = "none";

    /// <summary>The target named, or null (detect) when none was given.</summary>
    internal static LogMaskTarget? Parse(string? name) => name switch
    {
        GitHubActions => LogMaskTarget.GitHubActions,
        AzurePipelines => LogMaskTarget.AzurePipelines,
        None => LogMaskTarget.None,
        _ => null,
    };
}
