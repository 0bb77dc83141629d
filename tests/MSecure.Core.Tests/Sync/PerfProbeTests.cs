using System;
using System.Diagnostics;
using System.Linq;
using MSecure.Core.Tests.Vault;
using Xunit;
using Xunit.Abstractions;

namespace MSecure.Core.Tests.Sync;

public sealed class PerfProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        int n = int.Parse(Environment.GetEnvironmentVariable("PROBE_N") ?? "20000", System.Globalization.CultureInfo.InvariantCulture);
        using var devices = new SyncDevices(2);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i += 10000)
        {
            devices[0].AddMany(Enumerable.Range(i, Math.Min(10000, n - i)).Select(j => TestVaults.Login("record " + j)));
        }

        output.WriteLine($"add {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        devices.Sync(0);
        output.WriteLine($"push {clock.ElapsedMilliseconds} ms = {n * 1000.0 / clock.ElapsedMilliseconds:F0}/s");
        clock.Restart();
        devices.Sync(1);
        output.WriteLine($"pull {clock.ElapsedMilliseconds} ms = {n * 1000.0 / clock.ElapsedMilliseconds:F0}/s");
        var ids = devices[0].Search(new MSecure.Core.Records.RecordQuery()).Take(10).Select(s => s.Id).ToList();
        foreach (Guid id in ids)
        {
            devices[0].Update(id, TestVaults.Login(devices[0].Get(id).Name, "changed"));
        }

        clock.Restart();
        devices.Sync(0);
        output.WriteLine($"incremental push 10 {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        devices.Sync(1);
        output.WriteLine($"incremental pull 10 {clock.ElapsedMilliseconds} ms");
    }
}
