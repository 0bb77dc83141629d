using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Records.Serialization;

namespace MSecure.Core.Sync;

/// <summary>
/// The change ids of revisions written before schema 5, which carry no sync metadata: derived from
/// the record id and revision, so every device computes the same ids for the same old revisions.
/// change = first 16 bytes of SHA-256("msecure/v1/legacy-change" ‖ record id (16, BE) ‖ revision (i64 BE)),
/// read as a big-endian id; parent = the derived id of revision − 1 (none at 1); author = the empty id.
/// </summary>
internal static class LegacyChangeIds
{
    private static ReadOnlySpan<byte> Label => "msecure/v1/legacy-change"u8;

    /// <summary>The derived change id of <paramref name="recordId"/>'s revision <paramref name="revision"/>.</summary>
    internal static Guid Of(Guid recordId, long revision)
    {
        Span<byte> input = stackalloc byte[24 + IdEncoding.Length + sizeof(long)];
        Label.CopyTo(input);
        IdEncoding.Write(recordId, input[Label.Length..]);
        BinaryPrimitives.WriteInt64BigEndian(input[(Label.Length + IdEncoding.Length)..], revision);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..(Label.Length + IdEncoding.Length + sizeof(long))], hash);
        return IdEncoding.Read(hash);
    }

    /// <summary>The sync metadata a revision without any stands for.</summary>
    internal static SyncDocument Metadata(Guid recordId, long revision) => new()
    {
        Change = Of(recordId, revision),
        Parent = revision > 1 ? Of(recordId, revision - 1) : null,
        Author = Guid.Empty,
        CopyOf = null,
    };
}
