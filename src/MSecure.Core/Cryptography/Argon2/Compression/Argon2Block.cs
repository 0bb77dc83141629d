namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>Sizes of Argon2's 1 KiB memory block.</summary>
internal static class Argon2Block
{
    public const int Bytes = 1024;
    public const int Words = Bytes / sizeof(ulong);

    /// <summary>Two blocks of scratch space per compressor call.</summary>
    public const int ScratchWords = 2 * Words;
}
