using System.Threading.Tasks;
using MSecure.Accounts.Tests;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Sync.Tests.Support;

/// <summary>One real server on SQLite (no rate limits) shared by a test class; each test makes its own account on it.</summary>
public sealed class SqliteServerFixture : IAsyncLifetime
{
    private AccountServerHost? _host;

    internal AccountServerHost Host => _host!;

    internal ServerTransport Transport => new(Host);

    internal ServerDatabase Database => new(Host);

    public async Task InitializeAsync() => _host = await ServerTransport.StartServerAsync(TestDatabases.Sqlite);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
