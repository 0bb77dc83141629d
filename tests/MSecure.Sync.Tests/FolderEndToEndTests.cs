using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>The end-to-end story through a shared folder, with no server.</summary>
public sealed class FolderEndToEndTests
{
    [Fact]
    public void Two_devices_edit_add_and_remove_sync_in_both_orders_resolve_conflicts_and_a_third_enrolls_into_the_same_set() =>
        TwoDeviceScenario.Run(new FolderTransport());

    [Fact]
    public void Key_rotation_takes_the_folder_over_other_devices_get_AccountKeyRotated_and_the_new_kit_enrolls_into_the_same_set() =>
        KeyRotationScenario.Run(new FolderTransport());
}
