using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Sessions;

/// <summary>
/// A sealed session file, <c>&lt;vault&gt;.sessions/&lt;base64url session id&gt;</c> (folder 0700, file
/// 0600 on Unix, written to a temporary file then renamed): the header in clear, then an
/// AES-256-GCM envelope of the session's five derived keys under
/// HKDF-SHA256(IKM = the token's secret, salt = session id, info = "msecure/v1/session"), with
/// associated data (label, vault id, session id, expiry) so no header field can be changed.
/// <code>
/// 0   4   "MSS1"
/// 4   16  vault id (big-endian)
/// 20  16  session id
/// 36  8   expiry, Unix milliseconds (i64, big-endian)
/// 44  189 envelope of the 160 key bytes
/// </code>
/// </summary>
internal sealed class SessionFile
{
    /// <summary>The HKDF info and associated-data label.</summary>
    internal const string Label = "msecure/v1/session";

    private const int HeaderLength = 44;
    private static readonly byte[] Magic = "MSS1"u8.ToArray();

    /// <summary>Bytes of a whole session file.</summary>
    internal static readonly int FileLength = HeaderLength + Envelope.GetSealedLength(AccountKeys.SerializedLength);

    private readonly byte[] _bytes;

    private SessionFile(byte[] bytes) => _bytes = bytes;

    /// <summary>The vault the session belongs to.</summary>
    internal Guid VaultId => IdEncoding.Read(_bytes.AsSpan(4, 16));

    /// <summary>When the session expires.</summary>
    internal DateTimeOffset Expires => ExpiresOf(_bytes);

    /// <summary>The folder of a vault's session files.</summary>
    internal static string FolderOf(string vaultFullPath) => vaultFullPath + ".sessions";

    /// <summary>The session file of <paramref name="sessionId"/>.</summary>
    internal static string PathOf(string vaultFullPath, ReadOnlySpan<byte> sessionId) =>
        Path.Combine(FolderOf(vaultFullPath), SessionTokenFormat.IdText(sessionId));

    /// <summary>Seals <paramref name="keys"/> into the bytes of a new session file.</summary>
    internal static byte[] Seal(AccountKeys keys, Guid vaultId, ReadOnlySpan<byte> sessionId, ReadOnlySpan<byte> secret, DateTimeOffset expires)
    {
        byte[] bytes = new byte[FileLength];
        WriteHeader(bytes, vaultId, sessionId, expires);
        byte[] plaintext = GC.AllocateArray<byte>(AccountKeys.SerializedLength, pinned: true);
        try
        {
            keys.WriteTo(plaintext);
            using SecretKey key = DeriveKey(secret, sessionId);
            Envelope.Seal(key, AssociatedDataOf(bytes), plaintext, bytes.AsSpan(HeaderLength));
            return bytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Parses the bytes read from <paramref name="sessionId"/>'s file; null when they are not a session file of that id.</summary>
    internal static SessionFile? Parse(byte[] bytes, ReadOnlySpan<byte> sessionId) =>
        bytes.Length == FileLength && bytes.AsSpan(0, 4).SequenceEqual(Magic) && bytes.AsSpan(20, 16).SequenceEqual(sessionId)
            && ExpiryOf(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(36, 8))) is not null
            ? new SessionFile(bytes)
            : null;

    /// <summary>
    /// Opens the envelope with the token's secret and rebuilds the keys for <paramref name="accountId"/>;
    /// null when it does not authenticate (another secret, or an altered byte anywhere in the file).
    /// </summary>
    internal AccountKeys? TryOpen(ReadOnlySpan<byte> secret, Guid accountId)
    {
        byte[] plaintext = GC.AllocateArray<byte>(AccountKeys.SerializedLength, pinned: true);
        try
        {
            using SecretKey key = DeriveKey(secret, _bytes.AsSpan(20, 16));
            Envelope.Open(key, AssociatedDataOf(_bytes), _bytes.AsSpan(HeaderLength), plaintext);
            return AccountKeys.ReadFrom(accountId, plaintext);
        }
        catch (Errors.MSecureException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Reads a session file's expiry from its header (unauthenticated: for cleaning up only); null when it is not a session file.</summary>
    internal static DateTimeOffset? ReadExpiry(string path)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (stream.Length != FileLength || stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) != HeaderLength || !header[..4].SequenceEqual(Magic))
        {
            return null;
        }

        return ExpiryOf(BinaryPrimitives.ReadInt64BigEndian(header[36..]));
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> as <paramref name="path"/>: a temporary file created 0600 in the
    /// same folder, flushed to disk, then renamed, so a reader never sees half a file.
    /// </summary>
    internal static void Write(string path, byte[] bytes)
    {
        string folder = Path.GetDirectoryName(path)!;
        VaultFilePermissions.EnsureDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, VaultFilePermissions.DirectoryMode);
        }

        string temporary = Path.Combine(folder, TemporaryPrefix + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = VaultFilePermissions.FileMode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The name prefix of a session file being written.</summary>
    internal const string TemporaryPrefix = ".tmp-";

    /// <summary>The expiry of <paramref name="milliseconds"/> since the Unix epoch; null when out of the range a date holds (a damaged file).</summary>
    private static DateTimeOffset? ExpiryOf(long milliseconds) =>
        milliseconds is >= 0 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    private static DateTimeOffset ExpiresOf(ReadOnlySpan<byte> bytes) =>
        DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(36, 8)));

    private static void WriteHeader(Span<byte> bytes, Guid vaultId, ReadOnlySpan<byte> sessionId, DateTimeOffset expires)
    {
        Magic.CopyTo(bytes);
        IdEncoding.Write(vaultId, bytes.Slice(4, 16));
        sessionId.CopyTo(bytes.Slice(20, 16));
        BinaryPrimitives.WriteInt64BigEndian(bytes.Slice(36, 8), expires.ToUnixTimeMilliseconds());
    }

    private static byte[] AssociatedDataOf(ReadOnlySpan<byte> header) =>
        new AssociatedDataBuilder(Label)
            .AddBytes(header.Slice(4, 16))
            .AddBytes(header.Slice(20, 16))
            .AddInt64(ExpiresOf(header).ToUnixTimeMilliseconds())
            .ToArray();

    private static SecretKey DeriveKey(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> sessionId)
    {
        var key = SecretKey.CreateEmpty(32);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key.WritableBytes, sessionId, System.Text.Encoding.ASCII.GetBytes(Label));
        return key;
    }
}
