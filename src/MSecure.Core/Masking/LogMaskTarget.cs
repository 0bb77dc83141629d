namespace MSecure.Core.Masking;

/// <summary>A CI system whose build log hides the values a job registers as secret.</summary>
public enum LogMaskTarget
{
    /// <summary>No masking.</summary>
    None,

    /// <summary>GitHub Actions: <c>::add-mask::</c> workflow commands.</summary>
    GitHubActions,

    /// <summary>Azure Pipelines: <c>##vso[task.setsecret]</c> logging commands.</summary>
    AzurePipelines,
}
