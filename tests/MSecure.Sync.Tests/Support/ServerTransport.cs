using System;
using MSecure.Accounts.Tests;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Sync.Tests.Support;

/// <summary>Devices syncing through a real account server (HTTPS on loopback) in this process.</summary>
internal sealed class ServerTransport(AccountServerHost host) : ISyncTransport
{
    public string Name => "server";

    public AccountServerHost Host => host;

    public VaultCreation CreateFirst(string path, string email, string deviceName, string sharedFolder)
    {
        VaultCreation creation = VaultFile.Create(path, email, SyncAccount.Password, KdfParameters.Minimum);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        creation.Session.RegisterAccount(host.Server, host.Fingerprint, deviceName);
        return creation;
    }

    public VaultCreation Enroll(string path, string email, string kitText, string deviceName, string sharedFolder)
    {
        VaultCreation creation = AccountEnrollment.Enroll(path, host.Server, host.Fingerprint, email, kitText, SyncAccount.Password, deviceName,
            AccountServerHost.ClientOptions);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        return creation;
    }

    public SyncResult Sync(VaultSession session, string sharedFolder) => session.Sync();

    /// <summary>A server with no rate limit: the property test syncs thousands of times from one address.</summary>
    public static System.Threading.Tasks.Task<AccountServerHost> StartServerAsync(string database) =>
        AccountServerHost.StartAsync(database, settings => settings with
        {
            RateLimitPerAddress = int.MaxValue,
            RateLimitPerAccount = int.MaxValue,
            RateLimitSyncPerAccount = int.MaxValue,
        });

    /// <summary>Unlocks a device's vault afresh (as a new process does), with the test client options.</summary>
    public static VaultSession Unlock(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        VaultSession session = file.Unlock(SyncAccount.Password);
        session.AccountServerOptions = AccountServerHost.ClientOptions;
        return session;
    }

    public override string ToString() => Name + " " + host.Server;
}
