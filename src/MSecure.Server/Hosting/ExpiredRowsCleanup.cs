using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using MSecure.Server.Storage;

namespace MSecure.Server.Hosting;

/// <summary>Once a minute, deletes expired challenges, tokens and invites.</summary>
internal sealed class ExpiredRowsCleanup(DatabaseMaintenance maintenance, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await maintenance.DeleteExpiredAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken);
            }
            catch (DbException)
            {
                // The database is away; /health reports it, and the next tick tries again.
            }
        }
    }
}
