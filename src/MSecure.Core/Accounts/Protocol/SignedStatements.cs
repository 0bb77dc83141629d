using System;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Accounts.Protocol;

/// <summary>
/// The exact bytes a device signs with its <see cref="ServerAuthenticationKey"/>. Each is a
/// length-prefixed component list (<see cref="AssociatedDataBuilder"/>) that starts with its
/// own purpose label, so a signature made for one statement never verifies as another.
/// </summary>
public static class SignedStatements
{
    /// <summary>The purpose label of a sign-in answer.</summary>
    public const string SignInPurpose = "msecure/v1/sign-in";

    /// <summary>The purpose label of a registration's proof of possession.</summary>
    public const string RegistrationPurpose = "msecure/v1/register";

    /// <summary>The purpose label of a key rotation.</summary>
    public const string KeyRotationPurpose = "msecure/v1/rotate-account-key";

    /// <summary>label ‖ challenge id ‖ nonce ‖ account id.</summary>
    public static byte[] SignIn(Guid challengeId, ReadOnlySpan<byte> nonce, Guid accountId) =>
        new AssociatedDataBuilder(SignInPurpose).AddId(challengeId).AddBytes(nonce).AddId(accountId).ToArray();

    /// <summary>label ‖ account id ‖ email ‖ public key ‖ verifier.</summary>
    public static byte[] Registration(Guid accountId, string email, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> verifier) =>
        new AssociatedDataBuilder(RegistrationPurpose).AddId(accountId).AddText(email).AddBytes(publicKey).AddBytes(verifier).ToArray();

    /// <summary>label ‖ challenge id ‖ nonce ‖ account id ‖ new public key ‖ new verifier.</summary>
    public static byte[] KeyRotation(Guid challengeId, ReadOnlySpan<byte> nonce, Guid accountId, ReadOnlySpan<byte> newPublicKey, ReadOnlySpan<byte> newVerifier) =>
        new AssociatedDataBuilder(KeyRotationPurpose).AddId(challengeId).AddBytes(nonce).AddId(accountId)
            .AddBytes(newPublicKey).AddBytes(newVerifier).ToArray();
}
