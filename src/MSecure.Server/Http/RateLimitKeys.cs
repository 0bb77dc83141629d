using System;
using MSecure.Server.Security;
using MSecure.Server.Storage;

namespace MSecure.Server.Http;

/// <summary>The per-account rate-limit partitions: by account id once known, else by normalized email; sync routes apart.</summary>
internal static class RateLimitKeys
{
    public const string SyncPrefix = "sync:";

    public static string ForAccount(Guid accountId) => "account:" + accountId.ToText();

    /// <summary>The account's sync routes: a partition of their own, with its own limit.</summary>
    public static string ForSync(Guid accountId) => SyncPrefix + accountId.ToText();

    /// <summary>Reads with one access key (counted by the key id the request claims, before it is checked).</summary>
    public static string ForAccessKey(Guid keyId) => "access:" + keyId.ToText();

    public static string ForEmail(string email) => "email:" + EmailKeys.Normalize(email);
}
