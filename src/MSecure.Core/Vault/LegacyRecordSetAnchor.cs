using System;
using System.Buffers.Binary;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>
/// The record-set anchor of schema 2 (<c>meta.record_set</c>), read once when such a vault is
/// upgraded to a sealed <see cref="VaultState"/>: vault revision ‖ record-set digest of the legacy
/// three-block entries (no name index), 24 bytes, sealed under the record-encryption key with the
/// purpose "msecure/v1/record-set" and the vault id. Never written any more.
/// </summary>
internal static class LegacyRecordSetAnchor
{
    /// <summary>The purpose label of the legacy anchor's associated data.</summary>
    internal const string Purpose = "msecure/v1/record-set";

    private const int PlaintextLength = sizeof(long) + RecordSetHasher.DigestLength;

    /// <summary>Opens a legacy anchor: its revision and digest; VaultTampered when it does not authenticate.</summary>
    internal static (long Revision, byte[] Digest) Open(AccountKeys keys, Guid vaultId, byte[] envelope, string path)
    {
        byte[] plaintext = VaultEnvelopes.Open(keys, AssociatedDataOf(vaultId), envelope, path, "its record-set anchor");
        return plaintext.Length == PlaintextLength
            ? (BinaryPrimitives.ReadInt64BigEndian(plaintext), plaintext[sizeof(long)..])
            : throw MSecureErrors.VaultTampered(path, "its record-set anchor is malformed");
    }

    /// <summary>Seals a legacy anchor, as schema 2 wrote it (tests build such vaults).</summary>
    internal static byte[] Seal(AccountKeys keys, Guid vaultId, long revision, ReadOnlySpan<byte> digest)
    {
        Span<byte> plaintext = stackalloc byte[PlaintextLength];
        BinaryPrimitives.WriteInt64BigEndian(plaintext, revision);
        digest.CopyTo(plaintext[sizeof(long)..]);
        return Envelope.Seal(keys.RecordEncryption, AssociatedDataOf(vaultId), plaintext);
    }

    private static byte[] AssociatedDataOf(Guid vaultId) => new AssociatedDataBuilder(Purpose).AddId(vaultId).ToArray();
}
