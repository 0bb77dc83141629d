using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
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

    public static bool IsValid(PushChangesRequest request)
    {
        if (request.Changes is null || request.Changes.Count > AccountProtocol.MaxPushChanges)
        {
            return false;
        }

        foreach (PushChange? change in request.Changes)
        {
            if (change is null
                || change.ChangeId == Guid.Empty
                || change.RecordId == Guid.Empty
                || change.BaseRevision < 0
                || change.Envelope is not { Length: >= Envelope.Overhead and <= AccountProtocol.MaxSyncEnvelopeBytes })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The query of a pull: <c>after</c> (required, a non-negative integer) and <c>limit</c> (optional,
    /// positive; above <see cref="AccountProtocol.MaxPullChanges"/> it is capped), each at most once,
    /// nothing else.
    /// </summary>
    public static bool TryParsePull(IQueryCollection query, out long after, out int limit)
    {
        after = 0;
        limit = AccountProtocol.MaxPullChanges;
        foreach (KeyValuePair<string, StringValues> parameter in query)
        {
            if (parameter.Value.Count != 1)
            {
                return false;
            }

            bool parsed = parameter.Key switch
            {
                "after" => long.TryParse(parameter.Value[0], NumberStyles.None, CultureInfo.InvariantCulture, out after),
                "limit" => int.TryParse(parameter.Value[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1,
                _ => false,
            };
            if (!parsed)
            {
                return false;
            }
        }

        return query.ContainsKey("after");
    }

    private static bool IsPublicKey(byte[]? key) => key?.Length == ServerAuthenticationKey.PublicKeyLength && key[0] == 0x04;

    private static bool IsSignature(byte[]? signature) => signature?.Length == ServerAuthenticationKey.SignatureLength;

    private static bool IsEmail(string? email) =>
        IsText(email, AccountProtocol.MaxEmailLength) && email!.Contains('@', StringComparison.Ordinal);

    private static bool IsDeviceName(string? name) => IsText(name, AccountProtocol.MaxDeviceNameLength);

    private static bool IsText(string? text, int maxLength) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength && !text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal);
}
