using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>
/// A signed-in connection to the account server for one account on this device: the client, the
/// server-authentication key derived from the Account Key, and the bearer token, held in memory
/// only (never written anywhere). Signs in again when the token expired or the server no longer
/// accepts it.
/// </summary>
internal sealed class AccountConnection : IDisposable
{
    /// <summary>Sign in again this long before the token's expiry, for clock skew and request time.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private ServerAuthenticationKey _key;
    private SessionResponse? _session;

    /// <summary>A connection for the account of <paramref name="keys"/> and <paramref name="email"/>, signing with a key derived from <paramref name="keys"/>.</summary>
    internal AccountConnection(AccountServerClient client, AccountKeys keys, string email, Guid? deviceId, string deviceName)
    {
        Client = client;
        _key = ServerAuthenticationKey.Derive(keys);
        AccountId = keys.AccountId;
        Email = email;
        DeviceId = deviceId;
        DeviceName = deviceName;
    }

    /// <summary>The client.</summary>
    internal AccountServerClient Client { get; }

    /// <summary>The account id.</summary>
    internal Guid AccountId { get; }

    /// <summary>The account's email.</summary>
    internal string Email { get; }

    /// <summary>This device's id once known (null before its first sign-in as a new device).</summary>
    internal Guid? DeviceId { get; private set; }

    /// <summary>This device's name.</summary>
    internal string DeviceName { get; }

    /// <summary>The server's binding as this connection knows it.</summary>
    internal ServerBinding Binding => new(Client.Server, Client.PinnedFingerprint,
        DeviceId ?? throw new InvalidOperationException("The device has not signed in yet."), DeviceName);

    /// <summary>Answers a fresh challenge and keeps the token.</summary>
    /// <exception cref="MSecureException">SignInFailed, DeviceRevoked, AccountKeyRotated, RateLimited, ServerUnreachable, ServerCertificateMismatch, ServerProtocolError.</exception>
    internal void SignIn()
    {
        ChallengeResponse challenge = FreshChallenge();
        byte[] signature = _key.Sign(SignedStatements.SignIn(challenge.ChallengeId, challenge.Nonce, AccountId));
        Accept(Client.SignIn(new SignInRequest
        {
            ChallengeId = challenge.ChallengeId,
            AccountId = AccountId,
            DeviceId = DeviceId,
            DeviceName = DeviceName,
            Signature = signature,
        }));
    }

    /// <summary>Keeps a token the server issued (registration, sign-in, key rotation).</summary>
    internal void Accept(SessionResponse session)
    {
        if (string.IsNullOrEmpty(session.Token) || session.DeviceId == Guid.Empty)
        {
            throw MSecureErrors.ServerProtocolError(Client.Server, "the session it issued has no token or device.");
        }

        _session = session;
        DeviceId = session.DeviceId;
    }

    /// <summary>A challenge for this account's email, its nonce checked for length.</summary>
    internal ChallengeResponse FreshChallenge()
    {
        ChallengeResponse challenge = Client.Challenge(Email);
        if (challenge.Nonce is not { Length: AccountProtocol.NonceLength })
        {
            throw MSecureErrors.ServerProtocolError(Client.Server, "the sign-in challenge does not hold a 32-byte nonce.");
        }

        return challenge;
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a valid token: signs in first when there is none or it is
    /// about to expire, and once more when the server says the token is no longer valid.
    /// </summary>
    internal T Authorized<T>(Func<string, T> call)
    {
        if (_session is null || _session.ExpiresAt - ExpiryMargin <= DateTimeOffset.UtcNow)
        {
            SignIn();
        }

        try
        {
            return call(_session!.Token);
        }
        catch (MSecureException exception) when (ProblemAnswers.IsTokenInvalid(exception))
        {
            SignIn();
            return call(_session!.Token);
        }
    }

    /// <summary>Signs <paramref name="statement"/> with the current key.</summary>
    internal byte[] Sign(byte[] statement) => _key.Sign(statement);

    /// <summary>After an Account Key rotation: signs with the new key and keeps the token the server issued for it.</summary>
    internal void ReplaceKey(ServerAuthenticationKey key, SessionResponse session)
    {
        ServerAuthenticationKey old = _key;
        _key = key;
        old.Dispose();
        Accept(session);
    }

    /// <summary>Signs out (best effort: the token expires anyway) and forgets the token.</summary>
    internal void SignOut()
    {
        SessionResponse? session = _session;
        _session = null;
        if (session is null)
        {
            return;
        }

        try
        {
            Client.SignOut(session.Token);
        }
        catch (MSecureException)
        {
            // Unreachable or already invalid: the token dies with its lifetime.
        }
    }

    /// <summary>Forgets the token, wipes the key and closes the client.</summary>
    public void Dispose()
    {
        _session = null;
        _key.Dispose();
        Client.Dispose();
    }
}
