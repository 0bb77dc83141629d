using System;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Derives the unlock key: Argon2id v0x13 (password as NFKC UTF-8, 16-byte random salt,
/// stored parameters) → 32 bytes. The unlock key only wraps the Account Key.
/// </summary>
internal static class UnlockKeyDerivation
{
    /// <summary>The salt length in bytes.</summary>
    internal const int SaltLength = 16;

    /// <summary>The unlock key length in bytes (an AES-256 key).</summary>
    internal const int KeyLength = 32;

    /// <summary>A fresh random salt.</summary>
    internal static byte[] CreateSalt() => RandomNumberGenerator.GetBytes(SaltLength);

    /// <summary>
    /// Derives the unlock key. The parameters are checked before anything is allocated, so a
    /// hostile 4 GiB request is refused without trying.
    /// </summary>
    /// <exception cref="MSecureException">Parameters out of bounds (KdfParametersOutOfRange), wrong salt length, or invalid Unicode.</exception>
    internal static SecretKey Derive(ReadOnlySpan<char> password, ReadOnlySpan<byte> salt, KdfParameters parameters)
    {
        parameters.EnsureWithinBounds();
        EnsureSaltLength(salt.Length);

        byte[] passwordBytes = PasswordEncoding.ToNormalizedUtf8(password);
        var unlockKey = SecretKey.CreateEmpty(KeyLength);
        try
        {
            Argon2.Hash(Argon2Type.Argon2id, parameters.ToArgon2Parameters(), passwordBytes, salt,
                secret: default, associatedData: default, unlockKey.WritableBytes);
            return unlockKey;
        }
        catch
        {
            unlockKey.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>Throws unless <paramref name="length"/> is the salt length.</summary>
    internal static void EnsureSaltLength(int length)
    {
        if (length != SaltLength)
        {
            throw MSecureErrors.InvalidArgument("salt", "it must be exactly 16 bytes long.");
        }
    }
}
