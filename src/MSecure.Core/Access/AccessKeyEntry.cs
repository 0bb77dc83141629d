using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Access;

/// <summary>
/// An access key as the unlocked vault holds it. Stored as an envelope under the record-encryption
/// key (associated data: label <c>msecure/v1/access-key</c>, vault id, key id, expiry i64), so the
/// name, the tag and the secret are never in clear in the file and any unlocked session can re-seal
/// grants. Plaintext: secret (32) ‖ created (i64 ms) ‖ on server (1) ‖ name length (u16) ‖ name ‖ tag (UTF-8).
/// </summary>
internal sealed class AccessKeyEntry : IDisposable
{
    internal const string Label = "msecure/v1/access-key";

    private readonly byte[] _secret = GC.AllocateArray<byte>(AccessKeyToken.SecretLength, pinned: true);

    internal AccessKeyEntry(Guid id, string name, string tag, long createdAtMs, long expiresAtMs, bool onServer, ReadOnlySpan<byte> secret)
    {
        Id = id;
        Name = name;
        Tag = tag;
        CreatedAtMs = createdAtMs;
        ExpiresAtMs = expiresAtMs;
        OnServer = onServer;
        secret.CopyTo(_secret);
    }

    internal Guid Id { get; }

    internal string Name { get; }

    internal string Tag { get; }

    internal long CreatedAtMs { get; }

    /// <summary>Unix milliseconds, 0 for never.</summary>
    internal long ExpiresAtMs { get; }

    internal bool OnServer { get; }

    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Whether the key has expired at <paramref name="nowMs"/>.</summary>
    internal bool IsExpired(long nowMs) => ExpiresAtMs != 0 && nowMs >= ExpiresAtMs;

    /// <summary>The listed view.</summary>
    internal AccessKeyInfo ToInfo() => new(Id, Name, Tag, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs),
        ExpiresAtMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtMs), OnServer);

    /// <summary>The envelope stored in the vault.</summary>
    internal byte[] Seal(SecretKey recordKey, Guid vaultId)
    {
        byte[] name = Encoding.UTF8.GetBytes(Name);
        byte[] tag = Encoding.UTF8.GetBytes(Tag);
        byte[] plaintext = GC.AllocateArray<byte>(AccessKeyToken.SecretLength + 8 + 1 + 2 + name.Length + tag.Length, pinned: true);
        try
        {
            Span<byte> rest = plaintext;
            _secret.CopyTo(rest);
            rest = rest[AccessKeyToken.SecretLength..];
            BinaryPrimitives.WriteInt64BigEndian(rest, CreatedAtMs);
            rest[8] = OnServer ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt16BigEndian(rest[9..], (ushort)name.Length);
            name.CopyTo(rest[11..]);
            tag.CopyTo(rest[(11 + name.Length)..]);
            return Envelope.Seal(recordKey, AssociatedData(vaultId, Id, ExpiresAtMs), plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Opens a stored key; VaultTampered when it does not authenticate or parse.</summary>
    internal static AccessKeyEntry Open(SecretKey recordKey, Guid vaultId, Guid id, long expiresAtMs, byte[] envelope, string vaultPath)
    {
        byte[] plaintext;
        try
        {
            plaintext = Envelope.Open(recordKey, AssociatedData(vaultId, id, expiresAtMs), envelope);
        }
        catch (MSecureException exception) when (exception.Category == MSecureErrorCategory.InvalidData || exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultTampered(vaultPath, "an access key's stored row does not authenticate");
        }

        try
        {
            ReadOnlySpan<byte> rest = plaintext;
            if (rest.Length < AccessKeyToken.SecretLength + 11)
            {
                throw MSecureErrors.VaultTampered(vaultPath, "an access key's stored row is malformed");
            }

            ReadOnlySpan<byte> secret = rest[..AccessKeyToken.SecretLength];
            rest = rest[AccessKeyToken.SecretLength..];
            long created = BinaryPrimitives.ReadInt64BigEndian(rest);
            bool onServer = rest[8] == 1;
            int nameLength = BinaryPrimitives.ReadUInt16BigEndian(rest[9..]);
            if (rest.Length < 11 + nameLength)
            {
                throw MSecureErrors.VaultTampered(vaultPath, "an access key's stored row is malformed");
            }

            string name = Encoding.UTF8.GetString(rest.Slice(11, nameLength));
            string tag = Encoding.UTF8.GetString(rest[(11 + nameLength)..]);
            return new AccessKeyEntry(id, name, tag, created, expiresAtMs, onServer, secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Wipes the secret.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);

    private static byte[] AssociatedData(Guid vaultId, Guid id, long expiresAtMs) =>
        new AssociatedDataBuilder(Label).AddId(vaultId).AddId(id).AddInt64(expiresAtMs).ToArray();
}
