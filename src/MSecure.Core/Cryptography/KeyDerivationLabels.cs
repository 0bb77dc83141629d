using System;

namespace MSecure.Core.Cryptography;

/// <summary>
/// HKDF info labels: one per purpose, so no key ever serves two purposes. Fixed forever:
/// changing one changes every key derived from it.
/// </summary>
internal static class KeyDerivationLabels
{
    /// <summary>The key that encrypts record envelopes.</summary>
    internal static ReadOnlySpan<byte> RecordEncryption => "msecure/v1/record-encryption"u8;

    /// <summary>The HMAC key of the blind name index.</summary>
    internal static ReadOnlySpan<byte> NameIndex => "msecure/v1/name-index"u8;

    /// <summary>The key that seals the verifier.</summary>
    internal static ReadOnlySpan<byte> Verifier => "msecure/v1/verifier"u8;

    /// <summary>The AES CBC-MAC key of the record-set digest (vault integrity anchor).</summary>
    internal static ReadOnlySpan<byte> RecordSet => "msecure/v1/record-set"u8;

    /// <summary>The key from which the server-authentication key pair is derived.</summary>
    internal static ReadOnlySpan<byte> ServerAuthentication => "msecure/v1/server-authentication"u8;

    /// <summary>HKDF-Expand label turning the server-authentication key into P-256 scalar material.</summary>
    internal static ReadOnlySpan<byte> ServerAuthenticationP256Scalar => "msecure/v1/server-authentication/ecdsa-p256-private-key"u8;

    /// <summary>HKDF-Expand label of an account's backup key, from the server-authentication seed (used only as an HKDF pseudorandom key).</summary>
    internal static ReadOnlySpan<byte> Backup => "msecure/v1/backup"u8;

    /// <summary>HKDF-Expand label of a backup file's chunk key.</summary>
    internal static ReadOnlySpan<byte> BackupChunk => "msecure/v1/backup/chunk"u8;

    /// <summary>HKDF-Expand label of a backup file's key-check key.</summary>
    internal static ReadOnlySpan<byte> BackupKeyCheck => "msecure/v1/backup/key-check"u8;
}
