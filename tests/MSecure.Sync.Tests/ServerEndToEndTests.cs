using System.Threading.Tasks;
using MSecure.Accounts.Tests;
using MSecure.Server.Tests.Infrastructure;
using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>The end-to-end story through the real server over HTTPS on loopback, on SQLite and PostgreSQL.</summary>
public sealed class ServerEndToEndTests
{
    /// <summary>SQLite always; PostgreSQL with MSECURE_TEST_POSTGRES (CI).</summary>
    public static TheoryData<string> Databases => TestDatabases.All;

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Two_devices_edit_add_and_remove_sync_in_both_orders_resolve_conflicts_and_a_third_enrolls_into_the_same_set(string database)
    {
        await using AccountServerHost host = await ServerTransport.StartServerAsync(database);
        TwoDeviceScenario.Run(new ServerTransport(host));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Key_rotation_resends_everything_other_devices_get_AccountKeyRotated_and_the_new_kit_enrolls_into_the_same_set(string database)
    {
        await using AccountServerHost host = await ServerTransport.StartServerAsync(database);
        KeyRotationScenario.Run(new ServerTransport(host));
    }
}
