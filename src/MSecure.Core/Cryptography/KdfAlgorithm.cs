namespace MSecure.Core.Cryptography;

/// <summary>
/// Password-hashing algorithms that derive the unlock key. The value is the algorithm id
/// stored with the salt and printed in the emergency kit, so it never changes once released.
/// </summary>
public enum KdfAlgorithm
{
    /// <summary>Not an algorithm: the value of an uninitialised <see cref="KdfParameters"/>.</summary>
    None = 0,

    /// <summary>Argon2id, version 0x13, as specified by RFC 9106.</summary>
    Argon2idVersion13 = 1,
}
