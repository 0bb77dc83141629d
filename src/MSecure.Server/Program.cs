using System;
using System.CommandLine;
using System.Net;
using System.Threading;
using MSecure.Server;

// msecure-server: serve (the default), `invite create`, `fingerprint`. Options not listed here are
// passed to ASP.NET Core configuration (for example --Logging:LogLevel:Default=Debug).
Option<string> dataDirectory = new("--data-dir") { Description = "The data folder (certificate, SQLite database)", DefaultValueFactory = _ => ServerSettings.DefaultDataDirectory(), Recursive = true };
Option<string?> postgres = new("--postgres") { Description = "A PostgreSQL connection string (else env MSECURE_SERVER_POSTGRES, else SQLite)", Recursive = true };
Option<int> port = new("--port") { Description = "The TCP port; 0 picks a free one", DefaultValueFactory = _ => 8443 };
Option<string> address = new("--address") { Description = "The address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
Option<RegistrationPolicy> registration = new("--registration") { Description = "Who may register: open, closed or invite", DefaultValueFactory = _ => RegistrationPolicy.Open };
Option<bool> developmentHttp = new("--development-http") { Description = "Serve plain HTTP (loopback only; for development)" };
Option<int> rateLimitPerAddress = new("--rate-limit-per-address") { Description = "Requests per client address per minute", DefaultValueFactory = _ => ServerSettings.DefaultRateLimitPerAddress };
Option<int> rateLimitPerAccount = new("--rate-limit-per-account") { Description = "Requests naming one account per minute", DefaultValueFactory = _ => ServerSettings.DefaultRateLimitPerAccount };
Option<int> rateLimitSyncPerAccount = new("--rate-limit-sync-per-account") { Description = "Sync requests (pull, push) of one account per minute", DefaultValueFactory = _ => ServerSettings.DefaultRateLimitSyncPerAccount };
Option<int> count = new("--count") { Description = "How many invite codes", DefaultValueFactory = _ => 1 };
Option<int> validDays = new("--valid-days") { Description = "Days each invite code stays valid", DefaultValueFactory = _ => 7 };

RootCommand root = new("MSecure account server: accounts, devices and sign-in for MSecure for PowerShell")
{
    Options = { dataDirectory, postgres, port, address, registration, developmentHttp, rateLimitPerAddress, rateLimitPerAccount, rateLimitSyncPerAccount },
    TreatUnmatchedTokensAsErrors = false,
};

ServerSettings Settings(ParseResult parsed) => new()
{
    DataDirectory = parsed.GetValue(dataDirectory)!,
    PostgresConnectionString = parsed.GetValue(postgres) ?? NullIfEmpty(Environment.GetEnvironmentVariable("MSECURE_SERVER_POSTGRES")),
    Port = parsed.GetValue(port),
    ListenAddress = IPAddress.Parse(parsed.GetValue(address)!),
    Registration = parsed.GetValue(registration),
    DevelopmentHttp = parsed.GetValue(developmentHttp),
    RateLimitPerAddress = parsed.GetValue(rateLimitPerAddress),
    RateLimitPerAccount = parsed.GetValue(rateLimitPerAccount),
    RateLimitSyncPerAccount = parsed.GetValue(rateLimitSyncPerAccount),
    ConfigurationArguments = parsed.UnmatchedTokens,
};

root.SetAction(async (parsed, cancellationToken) =>
{
    await using RunningServer server = await MSecureServer.StartAsync(Settings(parsed), cancellationToken);
    Console.Out.WriteLine($"MSecure server listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    if (server.CertificateFingerprint.Length > 0)
    {
        Console.Out.WriteLine($"Certificate SHA-256 fingerprint: {server.CertificateFingerprint}");
    }

    await Console.Out.FlushAsync(cancellationToken);
    await server.WaitForShutdownAsync();
    return 0;
});

Command inviteCreate = new("create", "Creates invite codes and prints one per line (the server keeps only their hashes)") { Options = { count, validDays } };
inviteCreate.SetAction(async (parsed, cancellationToken) =>
{
    foreach (string code in await MSecureServer.CreateInvitesAsync(Settings(parsed), parsed.GetValue(count), TimeSpan.FromDays(parsed.GetValue(validDays)), cancellationToken))
    {
        Console.Out.WriteLine(code);
    }

    return 0;
});
root.Subcommands.Add(new Command("invite", "Invite codes for --registration invite") { Subcommands = { inviteCreate } });

Command fingerprint = new("fingerprint", "Prints the SHA-256 fingerprint of the server's certificate");
fingerprint.SetAction(parsed =>
{
    Console.Out.WriteLine(MSecureServer.CertificateFingerprint(parsed.GetValue(dataDirectory)!));
    return 0;
});
root.Subcommands.Add(fingerprint);

// The host handles Ctrl+C and SIGTERM itself (graceful stop), so the parser does not.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, CancellationToken.None);

static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
