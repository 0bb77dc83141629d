using System;
using System.Diagnostics;
using System.Globalization;
using MSecure.Sync.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace MSecure.Sync.Tests;

/// <summary>The seeded property test through the real server (SQLite, one server for all runs, the cheapest KDF).</summary>
public sealed class ServerPropertyTests(SqliteServerFixture server, ITestOutputHelper output) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public void Random_interleavings_on_three_devices_converge_to_identical_sets_with_every_edit_kept() =>
        PropertyRuns.Run(server.Transport, output);
}
