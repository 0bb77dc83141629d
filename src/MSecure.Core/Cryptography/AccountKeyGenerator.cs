using System;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Draws Account Key characters uniformly by rejection sampling: a random byte b is used
/// only when b &lt; 178, and then gives <c>Characters[b % 89]</c>; bytes 178 to 255 are
/// skipped, which removes the modulo bias 256 mod 89 would otherwise cause.
/// </summary>
internal static class AccountKeyGenerator
{
    private const int RandomBatchLength = 64;

    /// <summary>Fills <paramref name="destination"/> with ASCII characters of the alphabet.</summary>
    internal static void Fill(Span<byte> destination, RandomBytesSource randomBytes)
    {
        Span<byte> batch = stackalloc byte[RandomBatchLength];
        try
        {
            int produced = 0;
            while (produced < destination.Length)
            {
                randomBytes(batch);
                foreach (byte candidate in batch)
                {
                    if (candidate >= AccountKeyAlphabet.AcceptanceLimit)
                    {
                        continue;
                    }

                    destination[produced++] = (byte)AccountKeyAlphabet.Characters[candidate % AccountKeyAlphabet.Count];
                    if (produced == destination.Length)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(batch);
        }
    }
}
