using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Vault;

namespace MSecure.Core.Access;

/// <summary>
/// Seals records into grants and opens them. Associated data: label <c>msecure/v1/access-grant</c>,
/// key id, record id, revision (i64), expiry (i64 Unix ms, 0 = never): a grant moved to another key
/// or record, replayed as another revision, or given a later expiry does not open.
/// </summary>
internal static class AccessGrantSeal
{
    internal const string Label = "msecure/v1/access-grant";

    /// <summary>Seals <paramref name="content"/> as the grant of <paramref name="recordId"/> at <paramref name="revision"/>.</summary>
    internal static AccessGrant Seal(SecretKey sealKey, Guid keyId, long expiresAtMs, Guid recordId, long revision, RecordContent content,
        long createdAt, long modifiedAt)
    {
        using var buffer = new PinnedBufferWriter(4096);
        RecordSerializer.WriteRecord(content, createdAt, modifiedAt, sync: null, buffer);
        byte[] envelope = Envelope.Seal(sealKey, AssociatedData(keyId, recordId, revision, expiresAtMs), buffer.WrittenSpan);
        return new AccessGrant(keyId, recordId, revision, expiresAtMs, envelope);
    }

    /// <summary>Opens a grant; AccessKeyInvalid when it does not authenticate or holds no record.</summary>
    internal static Record Open(SecretKey sealKey, AccessGrant grant)
    {
        byte[] plaintext;
        try
        {
            plaintext = Envelope.Open(sealKey, AssociatedData(grant.KeyId, grant.RecordId, grant.Revision, grant.ExpiresAtMs), grant.Envelope);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed
            or MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.AccessKeyInvalid("a record sealed for it does not authenticate (changed, moved or sealed for another key)", exception);
        }

        try
        {
            RecordDocument document = RecordSerializer.ReadRecord(plaintext)
                ?? throw MSecureErrors.AccessKeyInvalid("a record sealed for it is not a record this version of MSecure can read");
            return RecordCodec.ToRecord(grant.RecordId, grant.Revision, document);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(Guid keyId, Guid recordId, long revision, long expiresAtMs) =>
        new AssociatedDataBuilder(Label).AddId(keyId).AddId(recordId).AddInt64(revision).AddInt64(expiresAtMs).ToArray();
}
