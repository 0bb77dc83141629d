using MSecure.Sync.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace MSecure.Sync.Tests;

/// <summary>The seeded property test through a shared folder (each run its own account and folder).</summary>
public sealed class FolderPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_interleavings_on_three_devices_converge_to_identical_sets_with_every_edit_kept() =>
        PropertyRuns.Run(new FolderTransport(), output);
}
