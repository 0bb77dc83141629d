using System;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// AES-256-GCM envelope: <c>[version 0x01][12-byte random nonce][ciphertext][16-byte tag]</c>.
/// The GCM associated data is the version byte followed by the caller's associated data (see
/// <see cref="AssociatedData"/>), so an envelope cannot be moved to another context or have
/// its header changed unnoticed. Opening never returns unauthenticated bytes.
/// </summary>
public static class Envelope
{
    /// <summary>The only format version written and read.</summary>
    public const byte Version = 0x01;

    /// <summary>The nonce length (96 bits, random per seal).</summary>
    public const int NonceLength = 12;

    /// <summary>The authentication tag length (128 bits).</summary>
    public const int TagLength = 16;

    /// <summary>The header length: version byte plus nonce.</summary>
    public const int HeaderLength = 1 + NonceLength;

    /// <summary>Bytes an envelope adds to its plaintext: header plus tag (29).</summary>
    public const int Overhead = HeaderLength + TagLength;

    /// <summary>The AES-256 key length.</summary>
    public const int KeyLength = 32;

    private const int StackAssociatedDataLimit = 256;

    /// <summary>The length of the envelope of a <paramref name="plaintextLength"/>-byte plaintext.</summary>
    public static int GetSealedLength(int plaintextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        return checked(plaintextLength + Overhead);
    }

    /// <summary>The length of the plaintext inside an envelope of <paramref name="envelopeLength"/> bytes.</summary>
    /// <exception cref="MSecureException">Shorter than header plus tag (code EnvelopeTruncated).</exception>
    public static int GetPlaintextLength(int envelopeLength)
    {
        if (envelopeLength < Overhead)
        {
            throw MSecureErrors.EnvelopeTruncated(envelopeLength, Overhead);
        }

        return envelopeLength - Overhead;
    }

    /// <summary>Encrypts <paramref name="plaintext"/> under a fresh random nonce and returns the envelope.</summary>
    public static byte[] Seal(SecretKey key, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext)
    {
        byte[] envelope = new byte[GetSealedLength(plaintext.Length)];
        Seal(key, associatedData, plaintext, envelope);
        return envelope;
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> under a fresh random nonce into
    /// <paramref name="destination"/> and returns the envelope length written.
    /// </summary>
    public static int Seal(SecretKey key, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        using AesGcm aes = CreateCipher(key);
        return Seal(aes, associatedData, plaintext, destination);
    }

    /// <summary>
    /// Creates an AES-256-GCM instance for <paramref name="key"/>, for callers that seal or open
    /// many envelopes under one key (one instance per thread: an instance is not thread-safe).
    /// The caller disposes it.
    /// </summary>
    internal static AesGcm CreateCipher(SecretKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureKeyLength(key);
        return new AesGcm(key.Bytes, TagLength);
    }

    /// <summary>
    /// <see cref="Seal(SecretKey, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> with a
    /// cipher from <see cref="CreateCipher"/>, reused across envelopes.
    /// </summary>
    internal static int Seal(AesGcm aes, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(aes);
        int sealedLength = GetSealedLength(plaintext.Length);
        if (destination.Length < sealedLength)
        {
            throw new ArgumentException("The destination is shorter than the envelope.", nameof(destination));
        }

        Span<byte> envelope = destination[..sealedLength];
        envelope[0] = Version;
        Span<byte> nonce = envelope.Slice(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> ciphertext = envelope.Slice(HeaderLength, plaintext.Length);
        Span<byte> tag = envelope[^TagLength..];

        byte[]? heapAssociatedData = null;
        Span<byte> gcmAssociatedData = VersionedAssociatedData(associatedData, stackalloc byte[StackAssociatedDataLimit], ref heapAssociatedData);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, gcmAssociatedData);
        return sealedLength;
    }

    /// <summary>
    /// Authenticates and decrypts <paramref name="envelope"/>, returning the plaintext in a new
    /// pinned array the caller should wipe when done.
    /// </summary>
    /// <exception cref="MSecureException">Code EnvelopeTruncated, EnvelopeUnsupportedVersion or EnvelopeAuthenticationFailed.</exception>
    public static byte[] Open(SecretKey key, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> envelope)
    {
        byte[] plaintext = GC.AllocateArray<byte>(GetPlaintextLength(envelope.Length), pinned: true);
        Open(key, associatedData, envelope, plaintext);
        return plaintext;
    }

    /// <summary>
    /// Authenticates and decrypts <paramref name="envelope"/> into <paramref name="plaintext"/>
    /// and returns the plaintext length. On any failure <paramref name="plaintext"/> is left
    /// all zero.
    /// </summary>
    /// <exception cref="MSecureException">Code EnvelopeTruncated, EnvelopeUnsupportedVersion or EnvelopeAuthenticationFailed.</exception>
    public static int Open(SecretKey key, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> envelope, Span<byte> plaintext)
    {
        using AesGcm aes = CreateCipher(key);
        return Open(aes, associatedData, envelope, plaintext);
    }

    /// <summary>
    /// <see cref="Open(SecretKey, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> with a
    /// cipher from <see cref="CreateCipher"/>, reused across envelopes.
    /// </summary>
    internal static int Open(AesGcm aes, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> envelope, Span<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(aes);
        if (envelope.Length >= Overhead && plaintext.Length < envelope.Length - Overhead)
        {
            throw new ArgumentException("The plaintext buffer is shorter than the envelope's content.", nameof(plaintext));
        }

        try
        {
            int plaintextLength = GetPlaintextLength(envelope.Length);
            if (envelope[0] != Version)
            {
                throw MSecureErrors.EnvelopeUnsupportedVersion(envelope[0]);
            }

            ReadOnlySpan<byte> nonce = envelope.Slice(1, NonceLength);
            ReadOnlySpan<byte> ciphertext = envelope.Slice(HeaderLength, plaintextLength);
            ReadOnlySpan<byte> tag = envelope[^TagLength..];

            byte[]? heapAssociatedData = null;
            Span<byte> gcmAssociatedData = VersionedAssociatedData(associatedData, stackalloc byte[StackAssociatedDataLimit], ref heapAssociatedData);
            try
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext[..plaintextLength], gcmAssociatedData);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw MSecureErrors.EnvelopeAuthenticationFailed("encrypted data");
            }

            return plaintextLength;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw;
        }
    }

    /// <summary>Builds version byte ‖ caller associated data, on the stack when it fits.</summary>
    private static Span<byte> VersionedAssociatedData(ReadOnlySpan<byte> associatedData, Span<byte> stackBuffer, ref byte[]? heapBuffer)
    {
        int length = checked(1 + associatedData.Length);
        Span<byte> buffer = length <= stackBuffer.Length ? stackBuffer[..length] : (heapBuffer = new byte[length]);
        buffer[0] = Version;
        associatedData.CopyTo(buffer[1..]);
        return buffer;
    }

    private static void EnsureKeyLength(SecretKey key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException("An envelope key must be 32 bytes (AES-256).", nameof(key));
        }
    }
}
