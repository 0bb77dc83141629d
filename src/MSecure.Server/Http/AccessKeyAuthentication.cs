using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Storage;

namespace MSecure.Server.Http;

/// <summary>
/// Resolves <c>Authorization: AccessKey &lt;key id&gt;.&lt;base64url auth key&gt;</c> on every request
/// (never cached: a revocation acts on the next request, on every instance). The per-key rate limit
/// counts the claimed key id before anything is looked up; the auth key's SHA-256 is compared in
/// constant time, and an unknown key spends the same hash and comparison.
/// </summary>
internal sealed class AccessKeyAuthentication(AccessStore store, AccountRateLimiter rateLimiter, TimeProvider time)
{
    private const int AuthKeyLength = 32;
    private static readonly byte[] Decoy = new byte[32];

    /// <summary>The key, or the problem to answer: 401 AccessKeyInvalid, 403 AccessKeyRevoked, 401 AccessKeyExpired, 429.</summary>
    public async Task<(AccessKeyRecord? Key, IResult? Problem)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        string? header = context.Request.Headers[HeaderNames.Authorization];
        string scheme = AccessProtocol.Scheme + " ";
        if (header is null || header.Length > 200 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.AccessKeyInvalid());
        }

        string value = header[scheme.Length..].Trim();
        int dot = value.IndexOf('.', StringComparison.Ordinal);
        byte[] authKey = new byte[AuthKeyLength + 2];
        if (dot != 36 || !Guid.TryParseExact(value.AsSpan(0, dot), "D", out Guid keyId)
            || Base64Url.DecodeFromChars(value.AsSpan(dot + 1), authKey, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != AuthKeyLength)
        {
            return (null, Problems.AccessKeyInvalid());
        }

        if (rateLimiter.Check(RateLimitKeys.ForAccessKey(keyId)) is { } limited)
        {
            return (null, limited);
        }

        byte[] hash = SHA256.HashData(authKey.AsSpan(0, AuthKeyLength));
        CryptographicOperations.ZeroMemory(authKey);
        AccessKeyRecord? key = await store.FindAsync(keyId, cancellationToken);
        bool matches = CryptographicOperations.FixedTimeEquals(hash, key?.AuthHash ?? Decoy);
        if (key is null || !matches)
        {
            return (null, Problems.AccessKeyInvalid());
        }

        if (key.RevokedAtMs is not null)
        {
            return (null, Problems.AccessKeyRevoked());
        }

        if (key.ExpiresAtMs is { } expires && expires <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return (null, Problems.AccessKeyExpired());
        }

        return (key, null);
    }
}
