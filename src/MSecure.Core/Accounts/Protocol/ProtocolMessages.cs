using System;
using System.Collections.Generic;

namespace MSecure.Core.Accounts.Protocol;

// Every member is required on the wire: a body that omits one, or names one not listed here,
// is refused with 400 InvalidRequest. Nullable members must still be present (as null).
// Byte arrays travel as standard base64 strings.

/// <summary>GET /v1/server.</summary>
public sealed record ServerInfoResponse
{
    /// <summary>The protocol version (<see cref="AccountProtocol.Version"/>).</summary>
    public required int ProtocolVersion { get; init; }

    /// <summary>"open", "closed" or "invite".</summary>
    public required string Registration { get; init; }
}

/// <summary>POST /v1/accounts: registers an account with its first device.</summary>
public sealed record RegisterAccountRequest
{
    /// <summary>The account id (from the vault; the HKDF salt of every key).</summary>
    public required Guid AccountId { get; init; }

    /// <summary>The account's email, exactly as bound into the wrapped Account Key.</summary>
    public required string Email { get; init; }

    /// <summary>The 65-byte uncompressed P-256 point derived from the Account Key.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The 142-byte verifier envelope.</summary>
    public required byte[] Verifier { get; init; }

    /// <summary>The name of the registering device, as shown by Get-MSecureDevice.</summary>
    public required string DeviceName { get; init; }

    /// <summary>An invite code when the server is invite-only; otherwise null.</summary>
    public required string? InviteCode { get; init; }

    /// <summary>Proof of possession: the signature of <see cref="SignedStatements.Registration"/>.</summary>
    public required byte[] Signature { get; init; }

    // ToString shows ids only: tokens, signatures and envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"AccountId = {AccountId}"));
        return true;
    }
}

/// <summary>POST /v1/auth/challenge.</summary>
public sealed record ChallengeRequest
{
    /// <summary>The email of the account to sign in to.</summary>
    public required string Email { get; init; }
}

/// <summary>A single-use challenge; the same shape whether or not the email has an account.</summary>
public sealed record ChallengeResponse
{
    /// <summary>Identifies the challenge in the sign-in.</summary>
    public required Guid ChallengeId { get; init; }

    /// <summary>32 fresh random bytes to sign.</summary>
    public required byte[] Nonce { get; init; }

    /// <summary>When the challenge stops being accepted.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>POST /v1/auth/sign-in: the signed answer to a challenge.</summary>
public sealed record SignInRequest
{
    /// <summary>The challenge answered.</summary>
    public required Guid ChallengeId { get; init; }

    /// <summary>The account id the device signs for (from its vault or kit).</summary>
    public required Guid AccountId { get; init; }

    /// <summary>The device's id from an earlier sign-in or registration; null enrolls a new device.</summary>
    public required Guid? DeviceId { get; init; }

    /// <summary>The device's name (recorded for a new device, updated for a known one).</summary>
    public required string DeviceName { get; init; }

    /// <summary>The signature of <see cref="SignedStatements.SignIn"/>.</summary>
    public required byte[] Signature { get; init; }

    // ToString shows ids only: tokens, signatures and envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"ChallengeId = {ChallengeId}, AccountId = {AccountId}, DeviceId = {DeviceId}"));
        return true;
    }
}

/// <summary>A bearer token, answered by registration, sign-in and key rotation.</summary>
public sealed record SessionResponse
{
    /// <summary>The bearer token; the server keeps only its SHA-256.</summary>
    public required string Token { get; init; }

    /// <summary>When the token stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The device the token belongs to.</summary>
    public required Guid DeviceId { get; init; }

    // ToString shows ids only: tokens, signatures and envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"DeviceId = {DeviceId}, ExpiresAt = {ExpiresAt:O}"));
        return true;
    }
}

/// <summary>GET /v1/account.</summary>
public sealed record AccountResponse
{
    /// <summary>The account id.</summary>
    public required Guid AccountId { get; init; }

    /// <summary>The account's email as registered.</summary>
    public required string Email { get; init; }

    /// <summary>The current 65-byte public key.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The current verifier envelope.</summary>
    public required byte[] Verifier { get; init; }

    /// <summary>The device of the token.</summary>
    public required Guid DeviceId { get; init; }

    // ToString shows ids only: tokens, signatures and envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"AccountId = {AccountId}, DeviceId = {DeviceId}"));
        return true;
    }
}

/// <summary>PUT /v1/account/key: replaces the key pair and verifier after Reset-MSecureAccountKey.</summary>
public sealed record RotateAccountKeyRequest
{
    /// <summary>A fresh challenge, obtained like a sign-in's.</summary>
    public required Guid ChallengeId { get; init; }

    /// <summary>The new 65-byte public key.</summary>
    public required byte[] NewPublicKey { get; init; }

    /// <summary>The new verifier envelope.</summary>
    public required byte[] NewVerifier { get; init; }

    /// <summary>The signature of <see cref="SignedStatements.KeyRotation"/> under the current (old) key.</summary>
    public required byte[] OldKeySignature { get; init; }

    /// <summary>The signature of the same statement under the new key (proof of possession).</summary>
    public required byte[] NewKeySignature { get; init; }

    // ToString shows ids only: tokens, signatures and envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"ChallengeId = {ChallengeId}"));
        return true;
    }
}

/// <summary>One enrolled device.</summary>
public sealed record DeviceResponse
{
    /// <summary>The device id.</summary>
    public required Guid DeviceId { get; init; }

    /// <summary>The device's name.</summary>
    public required string Name { get; init; }

    /// <summary>When the device enrolled.</summary>
    public required DateTimeOffset EnrolledAt { get; init; }

    /// <summary>When the device last signed in.</summary>
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the device was revoked, or null.</summary>
    public required DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether this is the device of the request's token.</summary>
    public required bool IsCurrent { get; init; }
}

/// <summary>GET /v1/devices.</summary>
public sealed record DeviceListResponse
{
    /// <summary>Every device of the account, oldest first, revoked ones included.</summary>
    public required IReadOnlyList<DeviceResponse> Devices { get; init; }
}
