using System;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The associated data of every kind of envelope MSecure writes: a purpose label and the ids
/// that own the envelope, encoded by <see cref="AssociatedDataBuilder"/>. An envelope opens only
/// under the exact context it was sealed for.
/// </summary>
public static class AssociatedData
{
    /// <summary>The purpose label of record envelopes.</summary>
    public const string RecordPurpose = "msecure/v1/record";

    /// <summary>The purpose label of the verifier envelope.</summary>
    public const string VerifierPurpose = "msecure/v1/verifier";

    /// <summary>The purpose label of the wrapped Account Key envelope, whose associated data includes the email.</summary>
    public const string WrappedAccountKeyPurpose = "msecure/v2/wrapped-account-key";

    /// <summary>The purpose label of wrapped Account Keys written before the email was bound (read only).</summary>
    public const string LegacyWrappedAccountKeyPurpose = "msecure/v1/wrapped-account-key";

    /// <summary>
    /// A record's envelope: label, vault id, record id, revision. A ciphertext cannot be moved
    /// to another record or vault, or replayed as another revision.
    /// </summary>
    public static byte[] ForRecord(Guid vaultId, Guid recordId, long revision) =>
        new AssociatedDataBuilder(RecordPurpose).AddId(vaultId).AddId(recordId).AddInt64(revision).ToArray();

    /// <summary>The verifier's envelope: label, account id.</summary>
    public static byte[] ForVerifier(Guid accountId) =>
        new AssociatedDataBuilder(VerifierPurpose).AddId(accountId).ToArray();

    /// <summary>
    /// The wrapped Account Key's envelope: label, account id, email (UTF-8, exactly as stored), KDF
    /// algorithm, memory, passes, lanes and salt. Changing any stored parameter, or the email a kit
    /// shows, makes the envelope fail to open.
    /// </summary>
    public static byte[] ForWrappedAccountKey(Guid accountId, string email, KdfParameters kdfParameters, ReadOnlySpan<byte> salt) =>
        WrappedAccountKeyContext(new AssociatedDataBuilder(WrappedAccountKeyPurpose).AddId(accountId).AddText(email), kdfParameters, salt);

    /// <summary>
    /// The associated data of a wrapped Account Key written before the email was bound: the same
    /// without the email. Only read, so that older vaults and kits still open; never written.
    /// </summary>
    public static byte[] ForLegacyWrappedAccountKey(Guid accountId, KdfParameters kdfParameters, ReadOnlySpan<byte> salt) =>
        WrappedAccountKeyContext(new AssociatedDataBuilder(LegacyWrappedAccountKeyPurpose).AddId(accountId), kdfParameters, salt);

    private static byte[] WrappedAccountKeyContext(AssociatedDataBuilder builder, KdfParameters kdfParameters, ReadOnlySpan<byte> salt) =>
        builder
            .AddUInt32((uint)kdfParameters.Algorithm)
            .AddUInt32(kdfParameters.MemoryKiB)
            .AddUInt32(kdfParameters.Passes)
            .AddUInt32(kdfParameters.Lanes)
            .AddBytes(salt)
            .ToArray();
}
