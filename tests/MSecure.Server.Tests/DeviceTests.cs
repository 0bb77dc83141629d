using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class DeviceTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_revoked_device_is_refused_on_its_very_next_request(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse owner = await server.Client.RegisterOkAsync(account, "laptop");
        SessionResponse lost = await server.Client.SignInOkAsync(account, null, "lost phone");
        await server.Client.GetAccountOkAsync(lost.Token);

        using (HttpResponseMessage revoke = await server.Client.RevokeAsync(lost.DeviceId, owner.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using HttpResponseMessage refused = await server.Client.GetAsync(AccountProtocol.AccountRoute, lost.Token);
        await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
        DeviceListResponse devices = await server.Client.GetDevicesOkAsync(owner.Token);
        DeviceResponse revoked = Assert.Single(devices.Devices, d => d.DeviceId == lost.DeviceId);
        Assert.NotNull(revoked.RevokedAt);
        Assert.False(revoked.IsCurrent);
        Assert.True(Assert.Single(devices.Devices, d => d.DeviceId == owner.DeviceId).IsCurrent);
        using HttpResponseMessage again = await server.Client.RevokeAsync(lost.DeviceId, owner.Token);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Another_accounts_device_or_an_unknown_id_is_NotFound_and_stays_untouched(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount mine = TestAccount.Create();
        using TestAccount theirs = TestAccount.Create();
        SessionResponse me = await server.Client.RegisterOkAsync(mine);
        SessionResponse them = await server.Client.RegisterOkAsync(theirs);

        foreach (string id in new[] { them.DeviceId.ToString(), Guid.NewGuid().ToString(), "not-a-device" })
        {
            using HttpResponseMessage response = await server.Client.SendAsync(HttpMethod.Delete, AccountProtocol.DeviceRoutePrefix + id, me.Token);
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        await server.Client.GetAccountOkAsync(them.Token);
        Assert.DoesNotContain(them.DeviceId, Array.ConvertAll([.. (await server.Client.GetDevicesOkAsync(me.Token)).Devices], d => d.DeviceId));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_device_may_revoke_itself(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        using (HttpResponseMessage revoke = await server.Client.RevokeAsync(session.DeviceId, session.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using HttpResponseMessage after = await server.Client.GetAsync(AccountProtocol.DevicesRoute, session.Token);
        await ProtocolClient.AssertProblemAsync(after, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
    }
}
