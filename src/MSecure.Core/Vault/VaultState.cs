using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>
/// The sealed vault state in <c>meta.state</c>: the vault revision (one more per write
/// transaction, records or metadata), the record-set digest over every row's (id, revision,
/// deleted, name index), and the SHA-256 of the metadata (<see cref="MetadataHash"/>). One
/// envelope binds the three, so no part can be rolled back, or mixed with another copy's, alone.
/// </summary>
/// <param name="Revision">The vault revision.</param>
/// <param name="RecordDigest">The record-set digest, 16 bytes.</param>
/// <param name="MetadataHash">The metadata hash, 32 bytes.</param>
internal sealed record VaultState(long Revision, byte[] RecordDigest, byte[] MetadataHash)
{
    /// <summary>The purpose label of the state envelope's associated data (with the vault id).</summary>
    internal const string Purpose = "msecure/v1/vault-state";

    private const int PlaintextLength = sizeof(long) + RecordSetHasher.DigestLength + SHA256.HashSizeInBytes;

    /// <summary>Whether <paramref name="digest"/> equals the record-set digest (constant time).</summary>
    internal bool Matches(ReadOnlySpan<byte> digest) => CryptographicOperations.FixedTimeEquals(RecordDigest, digest);

    /// <summary>Whether <paramref name="metadataHash"/> equals the metadata hash (constant time).</summary>
    internal bool MatchesMetadata(ReadOnlySpan<byte> metadataHash) => CryptographicOperations.FixedTimeEquals(MetadataHash, metadataHash);

    /// <summary>Seals the state under the record-encryption key, bound to the vault id.</summary>
    internal byte[] Seal(AccountKeys keys, Guid vaultId)
    {
        Span<byte> plaintext = stackalloc byte[PlaintextLength];
        BinaryPrimitives.WriteInt64BigEndian(plaintext, Revision);
        RecordDigest.CopyTo(plaintext[sizeof(long)..]);
        MetadataHash.CopyTo(plaintext[(sizeof(long) + RecordSetHasher.DigestLength)..]);
        return Envelope.Seal(keys.RecordEncryption, AssociatedDataOf(vaultId), plaintext);
    }

    /// <summary>Opens a stored state; VaultTampered when it does not authenticate or is malformed.</summary>
    internal static VaultState Open(AccountKeys keys, Guid vaultId, byte[] envelope, string path)
    {
        byte[] plaintext = VaultEnvelopes.Open(keys, AssociatedDataOf(vaultId), envelope, path, "its vault state");
        if (plaintext.Length != PlaintextLength)
        {
            throw MSecureErrors.VaultTampered(path, "its vault state is malformed");
        }

        return new VaultState(
            BinaryPrimitives.ReadInt64BigEndian(plaintext),
            plaintext[sizeof(long)..(sizeof(long) + RecordSetHasher.DigestLength)],
            plaintext[(sizeof(long) + RecordSetHasher.DigestLength)..]);
    }

    private static byte[] AssociatedDataOf(Guid vaultId) => new AssociatedDataBuilder(Purpose).AddId(vaultId).ToArray();
}
