using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The purpose keys derived from the Account Key:
/// HKDF-SHA256(IKM = the 46 AK ASCII bytes, salt = account id (16 bytes, big-endian),
/// info = a fixed purpose label) → 32 bytes each. Dispose wipes all of them.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AccountKeys : IDisposable
{
    /// <summary>The length of each derived key in bytes.</summary>
    public const int KeyLength = 32;

    private AccountKeys(Guid accountId, SecretKey recordEncryption, SecretKey nameIndex, SecretKey verifier, SecretKey serverAuthentication,
        SecretKey recordSet)
    {
        RecordSet = recordSet;
        AccountId = accountId;
        RecordEncryption = recordEncryption;
        NameIndex = nameIndex;
        Verifier = verifier;
        ServerAuthentication = serverAuthentication;
    }

    /// <summary>The account the keys belong to (the HKDF salt).</summary>
    public Guid AccountId { get; }

    /// <summary>Encrypts record envelopes (label "msecure/v1/record-encryption").</summary>
    public SecretKey RecordEncryption { get; }

    /// <summary>Keys the blind index of record names (label "msecure/v1/name-index").</summary>
    public SecretKey NameIndex { get; }

    /// <summary>Keys the AES CBC-MAC of each row's (vault id, record id, revision, deleted) in the record-set digest (label "msecure/v1/record-set").</summary>
    public SecretKey RecordSet { get; }

    /// <summary>Seals and opens the verifier (label "msecure/v1/verifier").</summary>
    public SecretKey Verifier { get; }

    /// <summary>Seeds the ECDSA P-256 key pair that signs in to the server (label "msecure/v1/server-authentication").</summary>
    public SecretKey ServerAuthentication { get; }

    /// <summary>Derives the purpose keys of <paramref name="accountKey"/> for <paramref name="accountId"/>.</summary>
    public static AccountKeys Derive(AccountKey accountKey, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        Span<byte> salt = stackalloc byte[IdEncoding.Length];
        IdEncoding.Write(accountId, salt);

        // HKDF-Extract once, then one HKDF-Expand per label: the same result as HKDF.DeriveKey
        // per label, with the pseudorandom key kept in a buffer this method wipes.
        Span<byte> pseudorandomKey = stackalloc byte[KeyLength];
        SecretKey? recordEncryption = null, nameIndex = null, verifier = null, serverAuthentication = null, recordSet = null;
        try
        {
            HKDF.Extract(HashAlgorithmName.SHA256, accountKey.AsciiBytes, salt, pseudorandomKey);
            recordEncryption = Expand(pseudorandomKey, KeyDerivationLabels.RecordEncryption);
            nameIndex = Expand(pseudorandomKey, KeyDerivationLabels.NameIndex);
            verifier = Expand(pseudorandomKey, KeyDerivationLabels.Verifier);
            serverAuthentication = Expand(pseudorandomKey, KeyDerivationLabels.ServerAuthentication);
            recordSet = Expand(pseudorandomKey, KeyDerivationLabels.RecordSet);
            return new AccountKeys(accountId, recordEncryption, nameIndex, verifier, serverAuthentication, recordSet);
        }
        catch
        {
            recordEncryption?.Dispose();
            nameIndex?.Dispose();
            verifier?.Dispose();
            serverAuthentication?.Dispose();
            recordSet?.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pseudorandomKey);
        }
    }

    /// <summary>The length of <see cref="WriteTo"/>'s output: the five derived keys.</summary>
    internal const int SerializedLength = 5 * KeyLength;

    /// <summary>
    /// Writes the five derived keys (record encryption, name index, record set, verifier, server
    /// authentication) to <paramref name="destination"/>, for a sealed session file. The caller wipes it.
    /// </summary>
    internal void WriteTo(Span<byte> destination)
    {
        if (destination.Length != SerializedLength)
        {
            throw new ArgumentException("The destination must hold the five derived keys.", nameof(destination));
        }

        SecretKey[] keys = [RecordEncryption, NameIndex, RecordSet, Verifier, ServerAuthentication];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i].Bytes.CopyTo(destination.Slice(i * KeyLength, KeyLength));
        }
    }

    /// <summary>Rebuilds the keys <see cref="WriteTo"/> wrote, for <paramref name="accountId"/>. The caller wipes <paramref name="source"/>.</summary>
    internal static AccountKeys ReadFrom(Guid accountId, ReadOnlySpan<byte> source)
    {
        if (source.Length != SerializedLength)
        {
            throw new ArgumentException("The source must hold the five derived keys.", nameof(source));
        }

        return new AccountKeys(accountId,
            recordEncryption: SecretKey.CopyFrom(source[..KeyLength]),
            nameIndex: SecretKey.CopyFrom(source.Slice(KeyLength, KeyLength)),
            verifier: SecretKey.CopyFrom(source.Slice(3 * KeyLength, KeyLength)),
            serverAuthentication: SecretKey.CopyFrom(source.Slice(4 * KeyLength, KeyLength)),
            recordSet: SecretKey.CopyFrom(source.Slice(2 * KeyLength, KeyLength)));
    }

    /// <summary>Wipes every derived key.</summary>
    public void Dispose()
    {
        RecordSet.Dispose();
        RecordEncryption.Dispose();
        NameIndex.Dispose();
        Verifier.Dispose();
        ServerAuthentication.Dispose();
    }

    /// <summary>Names the account only.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "AccountKeys (account {0})", AccountId);

    private static SecretKey Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> label)
    {
        var key = SecretKey.CreateEmpty(KeyLength);
        HKDF.Expand(HashAlgorithmName.SHA256, pseudorandomKey, key.WritableBytes, label);
        return key;
    }
}
