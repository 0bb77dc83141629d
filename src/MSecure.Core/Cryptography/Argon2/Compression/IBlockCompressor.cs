namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>
/// Argon2's compression function G over 1 KiB blocks (RFC 9106 section 3.5), one
/// implementation per instruction set. Implemented by structs so the fill loop, generic over
/// the compressor, is compiled once per instruction set with the call inlined.
/// </summary>
internal unsafe interface IBlockCompressor
{
    /// <summary>
    /// next = G(prev, reference), or next ^= G(prev, reference) when <paramref name="xorIntoNext"/>
    /// (passes after the first, version 0x13). <paramref name="scratch"/> holds two blocks
    /// (2 KiB, 64-byte aligned) that the caller wipes when done.
    /// </summary>
    static abstract void Compress(ulong* prev, ulong* reference, ulong* next, bool xorIntoNext, ulong* scratch);
}
