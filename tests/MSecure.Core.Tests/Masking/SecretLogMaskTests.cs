using System.Collections.Generic;
using System.IO;
using MSecure.Core.Masking;
using Xunit;

namespace MSecure.Core.Tests.Masking;

public sealed class SecretLogMaskTests
{
    [Fact]
    public void GitHub_Actions_gets_one_add_mask_command_per_non_blank_line()
    {
        var output = new StringWriter();
        new SecretLogMask(LogMaskTarget.GitHubActions, output).Mask("first line\r\n\n  \nsecond line\rthird");

        Assert.Equal(["::add-mask::first line", "::add-mask::second line", "::add-mask::third"], Lines(output));
    }

    [Fact]
    public void Azure_Pipelines_gets_setsecret_commands()
    {
        var output = new StringWriter();
        new SecretLogMask(LogMaskTarget.AzurePipelines, output).Mask("p@ss;w]rd");

        Assert.Equal(["##vso[task.setsecret]p@ss;w]rd"], Lines(output));
    }

    [Theory]
    [InlineData(LogMaskTarget.GitHubActions, "::add-mask::50%25 off %250A")]
    [InlineData(LogMaskTarget.AzurePipelines, "##vso[task.setsecret]50%AZP25 off %AZP250A")]
    public void Percent_signs_are_escaped_so_the_runner_masks_the_value_as_written(LogMaskTarget target, string expected)
    {
        var output = new StringWriter();
        new SecretLogMask(target, output).Mask("50% off %0A");

        Assert.Equal([expected], Lines(output));
    }

    [Fact]
    public void Nothing_is_written_without_a_target_or_for_a_blank_value()
    {
        var output = new StringWriter();
        new SecretLogMask(LogMaskTarget.None, output).Mask("secret");
        new SecretLogMask(LogMaskTarget.GitHubActions, output).Mask(" \r\n ");

        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", LogMaskTarget.GitHubActions)]
    [InlineData("GITHUB_ACTIONS", "TRUE", LogMaskTarget.GitHubActions)]
    [InlineData("TF_BUILD", "True", LogMaskTarget.AzurePipelines)]
    [InlineData("GITHUB_ACTIONS", "false", LogMaskTarget.None)]
    [InlineData("CI", "true", LogMaskTarget.None)]
    public void The_CI_system_is_detected_from_its_variables(string name, string value, LogMaskTarget expected)
    {
        var variables = new Dictionary<string, string> { [name] = value };

        Assert.Equal(expected, LogMaskDetection.Detect(key => variables.GetValueOrDefault(key)));
    }

    [Fact]
    public void A_requested_target_wins_over_detection() =>
        Assert.Equal(LogMaskTarget.None, LogMaskDetection.Resolve(LogMaskTarget.None));

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(System.Environment.NewLine, System.StringSplitOptions.RemoveEmptyEntries);
}
