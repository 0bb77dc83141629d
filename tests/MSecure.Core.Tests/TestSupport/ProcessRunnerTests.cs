using System;
using System.Diagnostics;
using Xunit;

namespace MSecure.Core.Tests.TestSupport;

public class ProcessRunnerTests
{
    [RequiresToolsFact(ExternalTools.Sleep)]
    public void Kills_a_process_that_outlives_its_time_limit()
    {
        var clock = Stopwatch.StartNew();

        Assert.Throws<TimeoutException>(() => ProcessRunner.Run(ExternalTools.Require(ExternalTools.Sleep), ["30"], TimeSpan.FromMilliseconds(300)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [RequiresToolsFact(ExternalTools.Sleep)]
    public void Returns_the_exit_code_of_a_process_that_finishes()
    {
        ProcessResult result = ProcessRunner.Run(ExternalTools.Require(ExternalTools.Sleep), ["0"]);

        Assert.Equal(0, result.ExitCode);
    }
}
