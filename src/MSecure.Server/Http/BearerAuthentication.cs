using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using MSecure.Server.Security;
using MSecure.Server.Storage;

namespace MSecure.Server.Http;

/// <summary>
/// Resolves <c>Authorization: Bearer mst_…</c> on every request (never cached, so a revocation or
/// rotation acts on the very next request), then applies the per-account rate limit.
/// </summary>
internal sealed class BearerAuthentication(TokenStore tokens, AccountRateLimiter rateLimiter, TimeProvider time)
{
    private const string Scheme = "Bearer ";

    /// <summary>The caller, or the problem to answer instead; the per-account limit counts in <paramref name="rateLimitKey"/>'s partition (default: <see cref="RateLimitKeys.ForAccount"/>).</summary>
    public async Task<(Caller? Caller, IResult? Problem)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken, Func<Guid, string>? rateLimitKey = null)
    {
        string? header = context.Request.Headers[HeaderNames.Authorization];
        if (header is null
            || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || header.Length - Scheme.Length > BearerTokens.MaxLength)
        {
            return (null, Problems.TokenInvalid());
        }

        byte[] hash = BearerTokens.Hash(header[Scheme.Length..].Trim());
        TokenRecord? token = await tokens.FindAsync(hash, cancellationToken);
        if (token is null || token.ExpiresAtMs <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return (null, Problems.TokenInvalid());
        }

        if (rateLimiter.Check((rateLimitKey ?? RateLimitKeys.ForAccount)(token.AccountId)) is { } limited)
        {
            return (null, limited);
        }

        if (token.DeviceRevokedAtMs is not null)
        {
            return (null, Problems.DeviceRevoked());
        }

        if (token.TokenKeyGeneration != token.AccountKeyGeneration)
        {
            return (null, Problems.AccountKeyRotated());
        }

        return (new Caller(token.AccountId, token.DeviceId, token.AccountKeyGeneration, hash), null);
    }
}
