using System;
using System.Buffers.Binary;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Vault;

/// <summary>
/// The associated data of record envelopes: purpose label, vault id, record id, revision, in
/// <see cref="AssociatedDataBuilder"/>'s encoding (each component a 4-byte big-endian length
/// and its bytes). The record role is exactly <see cref="AssociatedData.ForRecord"/>. Written
/// into a caller's buffer, because a search builds one per record.
/// </summary>
internal static class RecordAssociatedData
{
    /// <summary>The purpose label of summary envelopes.</summary>
    internal const string SummaryPurpose = "msecure/v1/record-summary";

    /// <summary>The purpose label of history envelopes.</summary>
    internal const string HistoryPurpose = "msecure/v1/record-history";

    /// <summary>Enough bytes for the associated data of any role.</summary>
    internal const int MaximumLength = 4 + 32 + 4 + IdEncoding.Length + 4 + IdEncoding.Length + 4 + sizeof(long);

    private static ReadOnlySpan<byte> RecordLabel => "msecure/v1/record"u8;

    private static ReadOnlySpan<byte> SummaryLabel => "msecure/v1/record-summary"u8;

    private static ReadOnlySpan<byte> HistoryLabel => "msecure/v1/record-history"u8;

    /// <summary>The purpose label of <paramref name="role"/>.</summary>
    internal static string PurposeOf(EnvelopeRole role) => role switch
    {
        EnvelopeRole.Record => AssociatedData.RecordPurpose,
        EnvelopeRole.Summary => SummaryPurpose,
        EnvelopeRole.History => HistoryPurpose,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Writes the associated data into <paramref name="destination"/> and returns its length.</summary>
    internal static int Write(EnvelopeRole role, Guid vaultId, Guid recordId, long revision, Span<byte> destination)
    {
        ReadOnlySpan<byte> label = role switch
        {
            EnvelopeRole.Record => RecordLabel,
            EnvelopeRole.Summary => SummaryLabel,
            EnvelopeRole.History => HistoryLabel,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };

        int offset = WriteComponent(destination, 0, label);
        offset = WriteLength(destination, offset, IdEncoding.Length);
        IdEncoding.Write(vaultId, destination[offset..]);
        offset += IdEncoding.Length;
        offset = WriteLength(destination, offset, IdEncoding.Length);
        IdEncoding.Write(recordId, destination[offset..]);
        offset += IdEncoding.Length;
        offset = WriteLength(destination, offset, sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(destination[offset..], revision);
        return offset + sizeof(long);
    }

    private static int WriteComponent(Span<byte> destination, int offset, ReadOnlySpan<byte> component)
    {
        offset = WriteLength(destination, offset, component.Length);
        component.CopyTo(destination[offset..]);
        return offset + component.Length;
    }

    private static int WriteLength(Span<byte> destination, int offset, int length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], (uint)length);
        return offset + sizeof(uint);
    }
}
