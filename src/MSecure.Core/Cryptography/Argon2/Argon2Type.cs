namespace MSecure.Core.Cryptography;

/// <summary>The three Argon2 variants of RFC 9106 (values are the RFC's type codes).</summary>
public enum Argon2Type
{
    /// <summary>Data-dependent memory access.</summary>
    Argon2d = 0,

    /// <summary>Data-independent memory access.</summary>
    Argon2i = 1,

    /// <summary>Hybrid: data-independent for the first half pass, then data-dependent. MSecure's choice.</summary>
    Argon2id = 2,
}
