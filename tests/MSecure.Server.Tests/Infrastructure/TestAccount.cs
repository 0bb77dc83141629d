using System;
using System.Security.Cryptography;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>
/// A device's view of an account for tests: an id, an email, a P-256 key pair (the server cannot tell
/// it from one derived from an Account Key) and a 142-byte verifier blob (opaque to the server).
/// </summary>
public sealed class TestAccount : IDisposable
{
    private TestAccount(Guid accountId, string email)
    {
        AccountId = accountId;
        Email = email;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Verifier = RandomNumberGenerator.GetBytes(142);
    }

    public Guid AccountId { get; }

    public string Email { get; }

    public ECDsa Key { get; private set; }

    public byte[] Verifier { get; private set; }

    public byte[] PublicKey => PublicKeyOf(Key);

    public static TestAccount Create(string? email = null) =>
        new(Guid.NewGuid(), email ?? $"user-{Guid.NewGuid():N}@example.test");

    public static byte[] PublicKeyOf(ECDsa key)
    {
        ECParameters parameters = key.ExportParameters(false);
        byte[] point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        return point;
    }

    public static byte[] SignWith(ECDsa key, byte[] data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public byte[] Sign(byte[] data) => SignWith(Key, data);

    public RegisterAccountRequest RegisterRequest(string deviceName = "device 1", string? inviteCode = null) => new()
    {
        AccountId = AccountId,
        Email = Email,
        PublicKey = PublicKey,
        Verifier = Verifier,
        DeviceName = deviceName,
        InviteCode = inviteCode,
        Signature = Sign(SignedStatements.Registration(AccountId, Email, PublicKey, Verifier)),
    };

    public SignInRequest SignInRequest(ChallengeResponse challenge, Guid? deviceId = null, string deviceName = "device") => new()
    {
        ChallengeId = challenge.ChallengeId,
        AccountId = AccountId,
        DeviceId = deviceId,
        DeviceName = deviceName,
        Signature = Sign(SignedStatements.SignIn(challenge.ChallengeId, challenge.Nonce, AccountId)),
    };

    /// <summary>A rotation request to a fresh key (the account keeps its old key until <see cref="AdoptKey"/>).</summary>
    public (RotateAccountKeyRequest Request, ECDsa NewKey, byte[] NewVerifier) RotationRequest(ChallengeResponse challenge)
    {
        ECDsa newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] newVerifier = RandomNumberGenerator.GetBytes(142);
        byte[] newPublicKey = PublicKeyOf(newKey);
        byte[] statement = SignedStatements.KeyRotation(challenge.ChallengeId, challenge.Nonce, AccountId, newPublicKey, newVerifier);
        return (new RotateAccountKeyRequest
        {
            ChallengeId = challenge.ChallengeId,
            NewPublicKey = newPublicKey,
            NewVerifier = newVerifier,
            OldKeySignature = Sign(statement),
            NewKeySignature = SignWith(newKey, statement),
        }, newKey, newVerifier);
    }

    /// <summary>Switches this device to the rotated key; returns the old one (for stale-device tests).</summary>
    public ECDsa AdoptKey(ECDsa newKey, byte[] newVerifier)
    {
        ECDsa old = Key;
        Key = newKey;
        Verifier = newVerifier;
        return old;
    }

    public void Dispose() => Key.Dispose();
}
