using System;
using System.Buffers.Binary;

namespace MSecure.Core.Backup;

/// <summary>
/// The nonce and associated data of chunk <c>i</c>: nonce = i (u64) ‖ 00 00 00 ‖ last (1 byte);
/// associated data = "msecure/v1/backup-chunk" ‖ the 128-byte header ‖ i (u64) ‖ last. Each file
/// has keys of its own (fresh file salt), so counter nonces never repeat under one key; binding
/// the index and the last flag detects reordering, dropping, truncation and appending.
/// </summary>
internal static class BackupChunks
{
    /// <summary>Bytes of a chunk's frame before its ciphertext: the plaintext length (u32).</summary>
    internal const int FrameLength = 4;

    /// <summary>The GCM tag after each chunk's ciphertext.</summary>
    internal const int TagLength = 16;

    private static ReadOnlySpan<byte> Label => "msecure/v1/backup-chunk"u8;

    /// <summary>The length of <see cref="WriteAssociatedData"/>'s output.</summary>
    internal static int AssociatedDataLength => Label.Length + BackupHeader.Length + 9;

    /// <summary>Writes chunk <paramref name="index"/>'s nonce (12 bytes).</summary>
    internal static void WriteNonce(long index, bool last, Span<byte> nonce)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce, index);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    /// <summary>Writes chunk <paramref name="index"/>'s associated data.</summary>
    internal static void WriteAssociatedData(BackupHeader header, long index, bool last, Span<byte> destination)
    {
        Label.CopyTo(destination);
        header.Bytes.CopyTo(destination[Label.Length..]);
        int at = Label.Length + BackupHeader.Length;
        BinaryPrimitives.WriteInt64BigEndian(destination[at..], index);
        destination[at + 8] = last ? (byte)1 : (byte)0;
    }
}
