using System;
using Xunit;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>
/// The databases every server test runs against. PostgreSQL comes from env MSECURE_TEST_POSTGRES
/// (a server where the tests may CREATE DATABASE); without it the PostgreSQL cases are skipped
/// locally and fail under CI=true, so CI never skips them.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> All => new() { Sqlite, Postgres };

    /// <summary>The administrative connection string, after skipping (locally) or failing (CI) without one.</summary>
    public static string RequirePostgres()
    {
        string? connectionString = Environment.GetEnvironmentVariable("MSECURE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but MSECURE_TEST_POSTGRES is not set: the PostgreSQL server tests must run in CI.");
            }

            Skip.If(true, "MSECURE_TEST_POSTGRES is not set (the PostgreSQL cases run in CI).");
        }

        return connectionString!;
    }
}
