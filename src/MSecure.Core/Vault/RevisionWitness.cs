using System;
using System.Buffers.Binary;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// The newest vault state this device saw, kept outside the database file (<see cref="WitnessFile"/>)
/// so that a vault file replaced by an older copy, or rolled back by a damaged write-ahead log, is
/// refused (VaultRolledBack) instead of answering with old data. Layout (65 bytes):
/// <c>"MSW1" ‖ vault id (16) ‖ key epoch (i64 BE) ‖ envelope(revision (i64 BE))</c>, the envelope
/// under the record-encryption key of that epoch with associated data
/// ("msecure/v1/revision-witness", vault id, key epoch). Vault id and epoch are in clear so that a
/// witness of another vault (a file replaced by a new vault) or of older keys (rotated elsewhere)
/// is recognised as stale without a key. Every process writes it after its commits, never lowering it.
/// </summary>
internal static class RevisionWitness
{
    /// <summary>The purpose label of the witness envelope.</summary>
    internal const string Purpose = "msecure/v1/revision-witness";

    private static ReadOnlySpan<byte> Magic => "MSW1"u8;

    private const int HeaderLength = 4 + IdEncoding.Length + sizeof(long);

    /// <summary>How the witness compares with the vault state being opened.</summary>
    internal enum Verdict
    {
        /// <summary>No witness, one of older keys, or one behind the state: write the state.</summary>
        Behind,

        /// <summary>The witness records exactly this state.</summary>
        Current,

        /// <summary>The witness records a newer state than the file holds: the file was rolled back.</summary>
        Ahead,

        /// <summary>The witness records newer keys than the file holds (an Account Key rotation the file no longer has): rolled back.</summary>
        AheadInKeys,

        /// <summary>A witness that is malformed, of another vault, or of this vault and epoch but does not authenticate.</summary>
        Damaged,
    }

    /// <summary>
    /// The witness beside <paramref name="vaultPath"/>, to compare with a state read AFTER it: witnesses
    /// are written after their commits, so a state read later is at least as new unless the file went back.
    /// </summary>
    internal static byte[]? Read(string vaultPath) => WitnessFile.Read(vaultPath);

    /// <summary>Compares a witness read by <see cref="Read"/> with the vault state (<paramref name="keyEpoch"/>, <paramref name="revision"/>) read after it.</summary>
    internal static Verdict Compare(byte[]? content, AccountKeys keys, Guid vaultId, long keyEpoch, long revision, out long witnessed)
    {
        witnessed = 0;
        if (content is null)
        {
            return Verdict.Behind;
        }

        if (!TryReadHeader(content, out Guid witnessVault, out long witnessEpoch))
        {
            return Verdict.Damaged;
        }

        if (witnessVault != vaultId)
        {
            // The path last held another vault: a file put in its place is not taken on trust.
            return Verdict.Damaged;
        }

        if (witnessEpoch < keyEpoch)
        {
            // Keys rotated since, by a process that could not write the witness: it is stale.
            return Verdict.Behind;
        }

        if (witnessEpoch > keyEpoch)
        {
            return Verdict.AheadInKeys;
        }

        if (TryOpen(content, keys, vaultId, keyEpoch) is not { } seen)
        {
            return Verdict.Damaged;
        }

        witnessed = seen;
        return seen > revision ? Verdict.Ahead : seen == revision ? Verdict.Current : Verdict.Behind;
    }

    /// <summary>
    /// Records the state (<paramref name="keyEpoch"/>, <paramref name="revision"/>) unless the witness
    /// already holds it or a newer one; with <paramref name="force"/>, records it whatever the
    /// witness holds (a new vault, an older state accepted on purpose).
    /// </summary>
    internal static void Record(string vaultPath, AccountKeys keys, Guid vaultId, long keyEpoch, long revision, bool force = false) =>
        WitnessFile.Update(vaultPath, current =>
            !force && current is not null && HoldsAtLeast(current, keys, vaultId, keyEpoch, revision)
                ? null
                : Write(keys, vaultId, keyEpoch, revision));

    /// <summary>Whether <paramref name="content"/> is a witness of the vault <paramref name="vaultId"/> (whatever its epoch or state).</summary>
    internal static bool IsOf(byte[] content, Guid vaultId) => TryReadHeader(content, out Guid witnessVault, out _) && witnessVault == vaultId;

    private static bool HoldsAtLeast(byte[] content, AccountKeys keys, Guid vaultId, long keyEpoch, long revision) =>
        TryReadHeader(content, out Guid witnessVault, out long witnessEpoch) && witnessVault == vaultId
        && (witnessEpoch > keyEpoch || (witnessEpoch == keyEpoch && TryOpen(content, keys, vaultId, keyEpoch) >= revision));

    private static byte[] Write(AccountKeys keys, Guid vaultId, long keyEpoch, long revision)
    {
        Span<byte> plaintext = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(plaintext, revision);
        byte[] envelope = Envelope.Seal(keys.RecordEncryption, AssociatedDataOf(vaultId, keyEpoch), plaintext);
        byte[] content = new byte[HeaderLength + envelope.Length];
        Magic.CopyTo(content);
        IdEncoding.Write(vaultId, content.AsSpan(4));
        BinaryPrimitives.WriteInt64BigEndian(content.AsSpan(4 + IdEncoding.Length), keyEpoch);
        envelope.CopyTo(content, HeaderLength);
        return content;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> content, out Guid vaultId, out long keyEpoch)
    {
        vaultId = Guid.Empty;
        keyEpoch = 0;
        if (content.Length < HeaderLength || !content[..4].SequenceEqual(Magic))
        {
            return false;
        }

        vaultId = IdEncoding.Read(content.Slice(4, IdEncoding.Length));
        keyEpoch = BinaryPrimitives.ReadInt64BigEndian(content[(4 + IdEncoding.Length)..]);
        return true;
    }

    private static long? TryOpen(byte[] content, AccountKeys keys, Guid vaultId, long keyEpoch)
    {
        try
        {
            byte[] plaintext = Envelope.Open(keys.RecordEncryption, AssociatedDataOf(vaultId, keyEpoch), content.AsSpan(HeaderLength));
            return plaintext.Length == sizeof(long) ? BinaryPrimitives.ReadInt64BigEndian(plaintext) : null;
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed
            or MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            return null;
        }
    }

    private static byte[] AssociatedDataOf(Guid vaultId, long keyEpoch) =>
        new AssociatedDataBuilder(Purpose).AddId(vaultId).AddInt64(keyEpoch).ToArray();
}
