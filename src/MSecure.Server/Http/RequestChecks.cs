using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;

namespace MSecure.Server.Http;

/// <summary>
/// What the JSON contract cannot say: non-null members, exact byte lengths, text limits. Anything
/// failing here is 400 InvalidRequest.
/// </summary>
internal static class RequestChecks
{
    public const int VerifierLength = 142;

    public static bool IsValid(RegisterAccountRequest request) =>
        request.AccountId != Guid.Empty
        && IsEmail(request.Email)
        && IsPublicKey(request.PublicKey)
        && request.Verifier?.Length == VerifierLength
        && IsDeviceName(request.DeviceName)
        && (request.InviteCode is null || IsText(request.InviteCode, AccountProtocol.MaxInviteCodeLength))
        && IsSignature(request.Signature);

    public static bool IsValid(ChallengeRequest request) => IsEmail(request.Email);

    public static bool IsValid(SignInRequest request) =>
        request.ChallengeId != Guid.Empty
        && request.AccountId != Guid.Empty
        && request.DeviceId != Guid.Empty
        && IsDeviceName(request.DeviceName)
        && IsSignature(request.Signature);

    public static bool IsValid(RotateAccountKeyRequest request) =>
        request.ChallengeId != Guid.Empty
        && IsPublicKey(request.NewPublicKey)
        && request.NewVerifier?.Length == VerifierLength
        && IsSignature(request.OldKeySignature)
        && IsSignature(request.NewKeySignature);

    private static bool IsPublicKey(byte[]? key) => key?.Length == ServerAuthenticationKey.PublicKeyLength && key[0] == 0x04;

    private static bool IsSignature(byte[]? signature) => signature?.Length == ServerAuthenticationKey.SignatureLength;

    private static bool IsEmail(string? email) =>
        IsText(email, AccountProtocol.MaxEmailLength) && email!.Contains('@', StringComparison.Ordinal);

    private static bool IsDeviceName(string? name) => IsText(name, AccountProtocol.MaxDeviceNameLength);

    private static bool IsText(string? text, int maxLength) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength && !text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal);
}
