namespace MSecure.Core.Accounts.Protocol;

/// <summary>
/// The routes and fixed sizes of the account protocol (docs/ARCHITECTURE.md section 16).
/// Every request and response body is JSON as <see cref="ProtocolJsonContext"/> writes it;
/// errors are RFC 9457 problem+json with a stable <see cref="ProblemCodes">code</see>.
/// </summary>
public static class AccountProtocol
{
    /// <summary>The protocol version this code speaks; part of every route.</summary>
    public const int Version = 1;

    /// <summary>Liveness and database check for load balancers (GET, no authentication).</summary>
    public const string HealthRoute = "/health";

    /// <summary>Public facts about the server (GET, no authentication): <see cref="ServerInfoResponse"/>.</summary>
    public const string ServerInfoRoute = "/v1/server";

    /// <summary>Registers an account and its first device (POST <see cref="RegisterAccountRequest"/>).</summary>
    public const string RegisterRoute = "/v1/accounts";

    /// <summary>Issues a sign-in challenge (POST <see cref="ChallengeRequest"/>).</summary>
    public const string ChallengeRoute = "/v1/auth/challenge";

    /// <summary>Answers a challenge with a signature (POST <see cref="SignInRequest"/>).</summary>
    public const string SignInRoute = "/v1/auth/sign-in";

    /// <summary>Revokes the bearer token of the request (POST, empty body).</summary>
    public const string SignOutRoute = "/v1/auth/sign-out";

    /// <summary>The caller's account: <see cref="AccountResponse"/> (GET, bearer token).</summary>
    public const string AccountRoute = "/v1/account";

    /// <summary>Replaces the account's public key and verifier (PUT <see cref="RotateAccountKeyRequest"/>, bearer token).</summary>
    public const string AccountKeyRoute = "/v1/account/key";

    /// <summary>The account's devices (GET, bearer token): <see cref="DeviceListResponse"/>.</summary>
    public const string DevicesRoute = "/v1/devices";

    /// <summary>One device: DELETE revokes it (bearer token). Append the device id.</summary>
    public const string DeviceRoutePrefix = "/v1/devices/";

    /// <summary>
    /// The account's record changes: GET ?after=&lt;sequence&gt;&amp;limit=&lt;n&gt; pulls
    /// (<see cref="PullChangesResponse"/>), POST pushes (<see cref="PushChangesRequest"/>). Bearer token.
    /// </summary>
    public const string SyncChangesRoute = "/v1/sync/changes";

    /// <summary>The most changes one pull returns (also the default limit).</summary>
    public const int MaxPullChanges = 5_000;

    /// <summary>A pull page stops adding changes once their envelopes reach this many bytes (it always holds at least one).</summary>
    public const int MaxPullEnvelopeBytes = 4 * 1024 * 1024;

    /// <summary>The most changes one push holds.</summary>
    public const int MaxPushChanges = 5_000;

    /// <summary>The largest push body the server reads, in bytes (other routes: <see cref="MaxRequestBodyBytes"/>).</summary>
    public const int MaxPushBodyBytes = 8 * 1024 * 1024;

    /// <summary>The largest sync envelope the server stores, in bytes.</summary>
    public const int MaxSyncEnvelopeBytes = 2 * 1024 * 1024;

    /// <summary>The media type of error bodies.</summary>
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The length of a challenge nonce.</summary>
    public const int NonceLength = 32;

    /// <summary>The longest email the server accepts (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest device name the server accepts, in UTF-16 code units.</summary>
    public const int MaxDeviceNameLength = 100;

    /// <summary>The longest invite code the server accepts.</summary>
    public const int MaxInviteCodeLength = 64;

    /// <summary>The largest request body the server reads, in bytes.</summary>
    public const int MaxRequestBodyBytes = 16 * 1024;
}
