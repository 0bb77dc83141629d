using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MSecure.Core.Cryptography.BlockCompression;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Argon2 version 0x13 as specified by RFC 9106, with SIMD compression and one thread per
/// core over the lanes. Memory is allocated once per call, outside the GC heap, and wiped
/// before it is freed.
/// </summary>
public static class Argon2
{
    /// <summary>The only version this implementation computes (RFC 9106's 0x13).</summary>
    public const uint Version = 0x13;

    private const int SyncPoints = 4;
    private const int SeedLength = 64;
    private const uint MaxLanes = (1u << 24) - 1;
    private const int MinSaltLength = 8;
    private const int MinTagLength = 4;

    /// <summary>
    /// Computes the Argon2 tag of <paramref name="password"/> into <paramref name="tag"/>
    /// (its length is the tag length T).
    /// </summary>
    /// <exception cref="MSecureException">A parameter is outside RFC 9106's limits (code Argon2ParameterOutOfRange).</exception>
    public static void Hash(
        Argon2Type type,
        Argon2Parameters parameters,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> associatedData,
        Span<byte> tag) =>
        Hash(type, parameters, password, salt, secret, associatedData, tag, Argon2Implementations.Best);

    internal static void Hash(
        Argon2Type type,
        Argon2Parameters parameters,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> associatedData,
        Span<byte> tag,
        Argon2Implementation implementation)
    {
        Validate(type, parameters, salt, tag);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Argon2 here assumes a little-endian processor.");
        }

        uint lanes = parameters.DegreeOfParallelism;
        // m' = 4 p floor(m / 4p): whole segments in every lane.
        ulong blockCount = (ulong)(parameters.MemorySizeKiB / (SyncPoints * lanes)) * SyncPoints * lanes;

        Span<byte> seed = stackalloc byte[SeedLength];
        try
        {
            ComputeSeed(type, parameters, (uint)tag.Length, password, salt, secret, associatedData, seed);
            using var memory = new Argon2Memory(blockCount);
            InitializeFirstBlocks(memory, seed, lanes);
            Fill(memory, type, parameters.NumberOfPasses, lanes, implementation);
            ComputeTag(memory, lanes, tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static void Validate(Argon2Type type, Argon2Parameters parameters, ReadOnlySpan<byte> salt, Span<byte> tag)
    {
        if (type is not (Argon2Type.Argon2d or Argon2Type.Argon2i or Argon2Type.Argon2id))
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("type", "Argon2d (0), Argon2i (1) or Argon2id (2)");
        }

        if (parameters.DegreeOfParallelism is < 1 or > MaxLanes)
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("parallelism", "between 1 and 2^24 - 1");
        }

        if (parameters.MemorySizeKiB < 8UL * parameters.DegreeOfParallelism)
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("memory", "at least 8 KiB per lane");
        }

        if (parameters.NumberOfPasses < 1)
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("passes", "at least 1");
        }

        if (salt.Length < MinSaltLength)
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("salt", "at least 8 bytes long");
        }

        if (tag.Length < MinTagLength)
        {
            throw MSecureErrors.Argon2ParameterOutOfRange("tag length", "at least 4 bytes");
        }
    }

    /// <summary>H0 of RFC 9106 section 3.2: BLAKE2b-512 over all inputs, each length-prefixed.</summary>
    private static void ComputeSeed(
        Argon2Type type,
        Argon2Parameters parameters,
        uint tagLength,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> associatedData,
        Span<byte> seed)
    {
        var hasher = new Blake2b(SeedLength);
        hasher.UpdateLittleEndian(parameters.DegreeOfParallelism);
        hasher.UpdateLittleEndian(tagLength);
        hasher.UpdateLittleEndian(parameters.MemorySizeKiB);
        hasher.UpdateLittleEndian(parameters.NumberOfPasses);
        hasher.UpdateLittleEndian(Version);
        hasher.UpdateLittleEndian((uint)type);
        hasher.UpdateLittleEndian((uint)password.Length);
        hasher.Update(password);
        hasher.UpdateLittleEndian((uint)salt.Length);
        hasher.Update(salt);
        hasher.UpdateLittleEndian((uint)secret.Length);
        hasher.Update(secret);
        hasher.UpdateLittleEndian((uint)associatedData.Length);
        hasher.Update(associatedData);
        hasher.Finish(seed);
    }

    /// <summary>B[i][0] = H'(H0 || 0 || i), B[i][1] = H'(H0 || 1 || i) for every lane i.</summary>
    private static unsafe void InitializeFirstBlocks(Argon2Memory memory, ReadOnlySpan<byte> seed, uint lanes)
    {
        ulong laneLength = memory.BlockCount / lanes;
        Span<byte> input = stackalloc byte[SeedLength + 8];
        try
        {
            seed.CopyTo(input);
            for (uint lane = 0; lane < lanes; lane++)
            {
                for (uint column = 0; column < 2; column++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(input[SeedLength..], column);
                    BinaryPrimitives.WriteUInt32LittleEndian(input[(SeedLength + 4)..], lane);
                    var block = new Span<byte>(memory.Block((lane * laneLength) + column), Argon2Block.Bytes);
                    Argon2HPrime.Hash(input, block);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    private static void Fill(Argon2Memory memory, Argon2Type type, uint passes, uint lanes, Argon2Implementation implementation)
    {
        if (!Argon2Implementations.IsSupported(implementation))
        {
            throw new PlatformNotSupportedException($"The {implementation} Argon2 code path needs instructions this processor lacks.");
        }

        switch (implementation)
        {
            case Argon2Implementation.Avx512:
                new Argon2Filler<Vector256Compressor<Avx512Rotations>>(memory, type, passes, lanes).Fill();
                break;
            case Argon2Implementation.Avx2:
                new Argon2Filler<Vector256Compressor<Avx2Rotations>>(memory, type, passes, lanes).Fill();
                break;
            case Argon2Implementation.Vector128:
                new Argon2Filler<Vector128Compressor>(memory, type, passes, lanes).Fill();
                break;
            default:
                new Argon2Filler<ScalarCompressor>(memory, type, passes, lanes).Fill();
                break;
        }
    }

    /// <summary>Tag = H'^T(XOR of the last block of every lane).</summary>
    private static unsafe void ComputeTag(Argon2Memory memory, uint lanes, Span<byte> tag)
    {
        ulong laneLength = memory.BlockCount / lanes;
        Span<ulong> final = stackalloc ulong[Argon2Block.Words];
        try
        {
            new ReadOnlySpan<ulong>(memory.Block(laneLength - 1), Argon2Block.Words).CopyTo(final);
            for (uint lane = 1; lane < lanes; lane++)
            {
                ulong* last = memory.Block((lane * laneLength) + laneLength - 1);
                for (int i = 0; i < Argon2Block.Words; i++)
                {
                    final[i] ^= last[i];
                }
            }

            Argon2HPrime.Hash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(final), tag);
        }
        finally
        {
            final.Clear();
        }
    }
}
