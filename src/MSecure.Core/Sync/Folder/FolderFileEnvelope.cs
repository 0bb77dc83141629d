using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// The bytes of a batch or compaction file: the ASCII magic "MSF1", then an <see cref="Envelope"/>
/// under the record-encryption key with associated data ("msecure/v1/folder-batch", account id,
/// author vault id, kind "batch"|"compact", number as i64). A file copied to another account, device
/// folder, kind or number, or cut short, does not open.
/// </summary>
internal static class FolderFileEnvelope
{
    /// <summary>The purpose label of folder files.</summary>
    internal const string Purpose = "msecure/v1/folder-batch";

    /// <summary>The kind component of a batch.</summary>
    internal const string BatchKind = "batch";

    /// <summary>The kind component of a compaction.</summary>
    internal const string CompactionKind = "compact";

    /// <summary>The length of the magic.</summary>
    internal const int MagicLength = 4;

    /// <summary>The smallest possible file: magic plus an empty envelope.</summary>
    internal const int MinimumLength = MagicLength + Envelope.Overhead;

    /// <summary>The magic that starts every file (format 1).</summary>
    internal static ReadOnlySpan<byte> Magic => "MSF1"u8;

    /// <summary>The associated data of <paramref name="file"/> in account <paramref name="accountId"/>.</summary>
    internal static byte[] AssociatedDataFor(Guid accountId, FolderFileName file) =>
        new AssociatedDataBuilder(Purpose)
            .AddId(accountId)
            .AddId(file.Author)
            .AddText(file.Kind == FolderFileKind.Compaction ? CompactionKind : BatchKind)
            .AddInt64(file.Number)
            .ToArray();

    /// <summary>The complete file content for <paramref name="plaintext"/>.</summary>
    internal static byte[] Seal(SecretKey recordKey, Guid accountId, FolderFileName file, ReadOnlySpan<byte> plaintext)
    {
        byte[] content = new byte[checked(MagicLength + Envelope.GetSealedLength(plaintext.Length))];
        Magic.CopyTo(content);
        using var aes = Envelope.CreateCipher(recordKey);
        Envelope.Seal(aes, AssociatedDataFor(accountId, file), plaintext, content.AsSpan(MagicLength));
        return content;
    }

    /// <summary>
    /// Authenticates and decrypts a file's <paramref name="content"/>; null with a
    /// <paramref name="reason"/> (never a value) when it is not this account's file of that name.
    /// </summary>
    internal static byte[]? TryOpen(SecretKey recordKey, Guid accountId, FolderFileName file, ReadOnlySpan<byte> content, out string reason)
    {
        if (content.Length < MinimumLength)
        {
            reason = "the file is shorter than the smallest sync file (partial copy or truncated).";
            return null;
        }

        if (!content[..MagicLength].SequenceEqual(Magic))
        {
            reason = "the file does not start with the MSecure sync file marker 'MSF1'.";
            return null;
        }

        ReadOnlySpan<byte> envelope = content[MagicLength..];
        byte[] plaintext = new byte[Envelope.GetPlaintextLength(envelope.Length)];
        try
        {
            using var aes = Envelope.CreateCipher(recordKey);
            Envelope.Open(aes, AssociatedDataFor(accountId, file), envelope, plaintext);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            reason = "the file does not authenticate as this account's file of this name (partial copy, tampered, another account's, or renamed or moved).";
            return null;
        }

        reason = string.Empty;
        return plaintext;
    }

    /// <summary>The envelope's random nonce: identifies one written file (a reused name gets another).</summary>
    internal static ReadOnlySpan<byte> NonceOf(ReadOnlySpan<byte> content) =>
        content.Length >= MinimumLength ? content.Slice(MagicLength + 1, Envelope.NonceLength) : default;
}
