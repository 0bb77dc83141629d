using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server;
using MSecure.ServerBench;

// The account server under load on loopback over real HTTPS, each case as a ratio to GET /health
// measured against the same server in the same run (sync cases: changes per second over health
// requests per second). Options: --seconds n (measured, per case),
// --warmup n, --workers n, --accounts n.
const int SyncWorkers = 2;
var options = Options.Parse(args);
var databases = new List<(string Name, string? Postgres)> { ("sqlite", null) };
string? postgresAdmin = Environment.GetEnvironmentVariable("MSECURE_TEST_POSTGRES");
if (!string.IsNullOrWhiteSpace(postgresAdmin))
{
    databases.Add(("postgres", postgresAdmin));
}

Console.WriteLine(FormattableString.Invariant(
    $"# server bench: {options.Workers} workers, {options.Accounts} accounts, {options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s per case, {Environment.ProcessorCount} cores (client and server share them)"));
foreach ((string name, string? admin) in databases)
{
    await BenchOneDatabaseAsync(name, admin, options);
}

static async Task BenchOneDatabaseAsync(string database, string? postgresAdmin, Options options)
{
    BenchDatabase? postgres = postgresAdmin is null ? null : await BenchDatabase.CreateAsync(postgresAdmin);
    string dataDirectory = Path.Combine(Path.GetTempPath(), "msecure-server-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        var settings = new ServerSettings
        {
            DataDirectory = dataDirectory,
            Port = 0,
            PostgresConnectionString = postgres?.ConnectionString,
            RateLimitPerAddress = int.MaxValue,
            RateLimitPerAccount = int.MaxValue,
            RateLimitSyncPerAccount = int.MaxValue,
            // A console line per sign-in would measure the terminal, not the server.
            ConfigurationArguments = ["--Logging:LogLevel:Default=Warning"],
        };
        await using RunningServer server = await MSecureServer.StartAsync(settings, CancellationToken.None);
        using HttpClient http = PinnedClient(server, options.Workers);

        var accounts = new BenchAccount[options.Accounts];
        for (int i = 0; i < accounts.Length; i++)
        {
            accounts[i] = await BenchAccount.RegisterAsync(http);
        }

        LoadResult health = await LoadRun.MeasureAsync(options.Workers, options.WarmUp, options.Duration, async _ =>
        {
            using HttpResponseMessage response = await http.GetAsync(AccountProtocol.HealthRoute);
            response.EnsureSuccessStatusCode();
        });
        Print("health", database, health, health);

        // Each worker keeps to its own accounts, so a token is never replaced while another request uses it.
        LoadResult signIn = await LoadRun.MeasureAsync(options.Workers, options.WarmUp, options.Duration,
            i => AccountOf(accounts, i, options.Workers).SignInAsync(http));
        Print("signin", database, signIn, health);

        LoadResult fetch = await LoadRun.MeasureAsync(options.Workers, options.WarmUp, options.Duration,
            i => AccountOf(accounts, i, options.Workers).FetchVerifierAsync(http));
        Print("verifier-fetch", database, fetch, health);

        // Sync: a few workers, each on its own account (pushes of one account serialize on its sequence row).
        int syncWorkers = Math.Min(options.Workers, SyncWorkers);
        long[] logLengths = new long[syncWorkers];
        LoadResult push = await LoadRun.MeasureAsync(syncWorkers, options.WarmUp, options.Duration, async i =>
        {
            await SyncLoad.PushAsync(http, accounts[i / 1_000_003]);
            logLengths[i / 1_000_003] += SyncLoad.BatchSize;
        });
        PrintSync("sync-push", database, push, health);

        // Every sync account now holds at least one full batch; full pages are read at random offsets of its log.
        LoadResult pull = await LoadRun.MeasureAsync(syncWorkers, options.WarmUp, options.Duration,
            i => SyncLoad.PullAsync(http, accounts[i / 1_000_003], logLengths[i / 1_000_003]));
        PrintSync("sync-pull", database, pull, health);

        foreach (BenchAccount account in accounts)
        {
            account.Dispose();
        }
    }
    finally
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }
}

static BenchAccount AccountOf(BenchAccount[] accounts, int operation, int workers)
{
    int worker = operation / 1_000_003;
    int perWorker = Math.Max(1, accounts.Length / workers);
    return accounts[((worker * perWorker) + (operation % 1_000_003 % perWorker)) % accounts.Length];
}

static HttpClient PinnedClient(RunningServer server, int connections)
{
    string pinned = server.CertificateFingerprint;
    var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null
                && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinned, StringComparison.OrdinalIgnoreCase),
        },
    };
    return new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
}

static void Print(string operation, string database, LoadResult result, LoadResult baseline)
{
    string prefix = operation == "health" ? "baseline health" : "server " + operation;
    Console.WriteLine(FormattableString.Invariant(
        $"{prefix} db={database} rps={result.OperationsPerSecond:0} p50_ms={result.P50Milliseconds:0.00} p99_ms={result.P99Milliseconds:0.00} ratio_to_health={result.OperationsPerSecond / baseline.OperationsPerSecond:0.000}"));
}

static void PrintSync(string operation, string database, LoadResult result, LoadResult baseline)
{
    double changesPerSecond = result.OperationsPerSecond * SyncLoad.BatchSize;
    Console.WriteLine(FormattableString.Invariant(
        $"server {operation} db={database} changes={(long)result.Operations * SyncLoad.BatchSize} batch={SyncLoad.BatchSize} envelope_bytes={SyncLoad.EnvelopeBytes} changes_per_s={changesPerSecond:0} p50_ms={result.P50Milliseconds:0.00} ratio_to_health={changesPerSecond / baseline.OperationsPerSecond:0.000}"));
}

/// <summary>Command-line options with defaults that keep a run under about a minute.</summary>
internal sealed record Options(int Workers, int Accounts, TimeSpan WarmUp, TimeSpan Duration)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--workers"] = 64, ["--accounts"] = 256, ["--warmup"] = 2, ["--seconds"] = 5 };
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}; known: {string.Join(", ", values.Keys)}.");
            }

            values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        return new Options(values["--workers"], Math.Max(values["--accounts"], values["--workers"]),
            TimeSpan.FromSeconds(values["--warmup"]), TimeSpan.FromSeconds(values["--seconds"]));
    }
}
