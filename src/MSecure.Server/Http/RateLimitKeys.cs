using System;
using MSecure.Server.Security;
using MSecure.Server.Storage;

namespace MSecure.Server.Http;

/// <summary>The per-account rate-limit partitions: by account id once known, else by normalized email.</summary>
internal static class RateLimitKeys
{
    public static string ForAccount(Guid accountId) => "account:" + accountId.ToText();

    public static string ForEmail(string email) => "email:" + EmailKeys.Normalize(email);
}
