using System;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Storage;

/// <summary>The vault's single metadata row. Holds no secret: the Account Key is wrapped.</summary>
/// <param name="VaultId">The vault's id, bound into every record envelope.</param>
/// <param name="AccountId">The account id (HKDF salt, bound into the wrapped key and verifier).</param>
/// <param name="Email">The account's email address.</param>
/// <param name="CreatedAt">When the vault was created.</param>
/// <param name="KdfParameters">The cost of deriving the unlock key.</param>
/// <param name="Salt">The 16-byte KDF salt.</param>
/// <param name="WrappedAccountKey">The 75-byte wrapped Account Key envelope.</param>
/// <param name="Verifier">The verifier envelope.</param>
/// <param name="KeyEpoch">Incremented by every Account Key rotation, so stale sessions notice.</param>
/// <param name="Server">The account server this vault is connected to on this device, or null (schema 4).</param>
internal sealed record VaultMetadata(
    Guid VaultId,
    Guid AccountId,
    string Email,
    DateTimeOffset CreatedAt,
    KdfParameters KdfParameters,
    byte[] Salt,
    byte[] WrappedAccountKey,
    byte[] Verifier,
    long KeyEpoch,
    ServerBinding? Server = null)
{
    /// <summary>The wrapped key as the crypto core reads it (checks KDF bounds and lengths).</summary>
    internal WrappedAccountKey ToWrappedAccountKey() => new(AccountId, Email, KdfParameters, Salt, WrappedAccountKey);
}
