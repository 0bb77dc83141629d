using System;
using System.Runtime.CompilerServices;
using System.Threading;
using MSecure.Core.Cryptography.BlockCompression;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Fills the block matrix pass by pass and slice by slice (RFC 9106 section 3.4). Segments of
/// one slice are independent, so lanes are spread over up to one thread per core, with a
/// barrier at each of the 4 × passes synchronisation points.
/// </summary>
internal sealed unsafe class Argon2Filler<TCompressor>
    where TCompressor : struct, IBlockCompressor
{
    private const int SyncPoints = 4;
    private const int AddressesPerBlock = Argon2Block.Words;

    private readonly Argon2Memory _memory;
    private readonly Argon2Type _type;
    private readonly uint _passes;
    private readonly uint _lanes;
    private readonly uint _laneLength;
    private readonly uint _segmentLength;

    public Argon2Filler(Argon2Memory memory, Argon2Type type, uint passes, uint lanes)
    {
        _memory = memory;
        _type = type;
        _passes = passes;
        _lanes = lanes;
        _laneLength = (uint)(memory.BlockCount / lanes);
        _segmentLength = _laneLength / SyncPoints;
    }

    public void Fill()
    {
        int workers = (int)Math.Min(_lanes, (uint)Math.Max(1, Environment.ProcessorCount));
        if (workers == 1)
        {
            FillLanes(0, 1, barrier: null, failed: () => false);
            return;
        }

        // Every participant, the calling thread included, keeps meeting the barrier after a
        // failure (doing no more work), so no thread is left waiting and the memory is only
        // freed once all have stopped.
        using var barrier = new Barrier(workers);
        Exception? failure = null;
        bool Failed() => Volatile.Read(ref failure) is not null;
        void Run(int worker)
        {
            try
            {
                FillLanes(worker, workers, barrier, Failed);
            }
#pragma warning disable CA1031 // Re-thrown on the calling thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref failure, e, null);
                barrier.RemoveParticipant();
            }
        }

        var threads = new Thread[workers - 1];
        for (int w = 1; w < workers; w++)
        {
            int worker = w;
            threads[w - 1] = new Thread(() => Run(worker)) { IsBackground = true, Name = "Argon2 lane worker" };
            threads[w - 1].Start();
        }

        Run(0);
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("Argon2 failed while filling memory.", failure);
        }
    }

    /// <summary>Worker <paramref name="worker"/> of <paramref name="workers"/> fills lanes worker, worker + workers, ...</summary>
    [SkipLocalsInit]
    private void FillLanes(int worker, int workers, Barrier? barrier, Func<bool> failed)
    {
        // Scratch for G, the address block, the address generator's input and a zero block.
        const int WorkspaceWords = Argon2Block.ScratchWords + (3 * Argon2Block.Words);
        ulong* workspace = stackalloc ulong[WorkspaceWords + 8];
        ulong* aligned = (ulong*)(((nuint)workspace + 63) & ~(nuint)63);
        var buffers = new SegmentBuffers(aligned);
        try
        {
            for (uint pass = 0; pass < _passes; pass++)
            {
                for (uint slice = 0; slice < SyncPoints; slice++)
                {
                    for (uint lane = (uint)worker; lane < _lanes && !failed(); lane += (uint)workers)
                    {
                        FillSegment(pass, lane, slice, buffers);
                    }

                    barrier?.SignalAndWait();
                }
            }
        }
        finally
        {
            new Span<ulong>(aligned, WorkspaceWords).Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillSegment(uint pass, uint lane, uint slice, SegmentBuffers buffers)
    {
        unchecked
        {
            bool dataIndependent = _type == Argon2Type.Argon2i
                || (_type == Argon2Type.Argon2id && pass == 0 && slice < SyncPoints / 2);

            if (dataIndependent)
            {
                new Span<ulong>(buffers.Zero, Argon2Block.Words).Clear();
                var input = new Span<ulong>(buffers.Input, Argon2Block.Words);
                input.Clear();
                input[0] = pass;
                input[1] = lane;
                input[2] = slice;
                input[3] = _memory.BlockCount;
                input[4] = _passes;
                input[5] = (ulong)_type;
            }

            uint startIndex = 0;
            if (pass == 0 && slice == 0)
            {
                // The first two blocks of each lane come from H0.
                startIndex = 2;
                if (dataIndependent)
                {
                    NextAddresses(buffers);
                }
            }

            ulong laneStart = (ulong)lane * _laneLength;
            uint currentInLane = (slice * _segmentLength) + startIndex;
            uint previousInLane = currentInLane == 0 ? _laneLength - 1 : currentInLane - 1;
            bool xorIntoNext = pass > 0;

            for (uint i = startIndex; i < _segmentLength; i++, currentInLane++, previousInLane = currentInLane - 1)
            {
                ulong* previous = _memory.Block(laneStart + previousInLane);
                ulong pseudoRandom;
                if (dataIndependent)
                {
                    if (i % AddressesPerBlock == 0)
                    {
                        NextAddresses(buffers);
                    }

                    pseudoRandom = buffers.Addresses[i % AddressesPerBlock];
                }
                else
                {
                    pseudoRandom = previous[0];
                }

                uint referenceLane = (pass == 0 && slice == 0) ? lane : (uint)((pseudoRandom >> 32) % _lanes);
                uint referenceIndex = ReferenceIndex(pass, slice, i, unchecked((uint)pseudoRandom), referenceLane == lane);
                ulong* reference = _memory.Block(((ulong)referenceLane * _laneLength) + referenceIndex);
                ulong* current = _memory.Block(laneStart + currentInLane);

                TCompressor.Compress(previous, reference, current, xorIntoNext, buffers.Scratch);
            }
        }
    }

    /// <summary>The next 128 pseudo-random words for data-independent addressing: G(0, G(0, input)).</summary>
    private static void NextAddresses(SegmentBuffers buffers)
    {
        buffers.Input[6]++;
        TCompressor.Compress(buffers.Zero, buffers.Input, buffers.Addresses, false, buffers.Scratch);
        TCompressor.Compress(buffers.Zero, buffers.Addresses, buffers.Addresses, false, buffers.Scratch);
    }

    /// <summary>Maps J1 to a block of the reference set (RFC 9106 section 3.4.1.2).</summary>
    private uint ReferenceIndex(uint pass, uint slice, uint index, uint j1, bool sameLane)
    {
        unchecked
        {
            uint referenceAreaSize;
            if (pass == 0)
            {
                referenceAreaSize = slice == 0
                    ? index - 1
                    : sameLane
                        ? (slice * _segmentLength) + index - 1
                        : (slice * _segmentLength) - (index == 0 ? 1u : 0u);
            }
            else
            {
                referenceAreaSize = sameLane
                    ? _laneLength - _segmentLength + index - 1
                    : _laneLength - _segmentLength - (index == 0 ? 1u : 0u);
            }

            ulong x = ((ulong)j1 * j1) >> 32;
            ulong relative = referenceAreaSize - 1 - ((referenceAreaSize * x) >> 32);
            ulong start = pass == 0 || slice == SyncPoints - 1 ? 0 : (slice + 1) * (ulong)_segmentLength;
            return (uint)((start + relative) % _laneLength);
        }
    }

    /// <summary>Pointers into one worker's aligned stack workspace.</summary>
    private readonly struct SegmentBuffers
    {
        public SegmentBuffers(ulong* workspace)
        {
            Scratch = workspace;
            Addresses = workspace + Argon2Block.ScratchWords;
            Input = Addresses + Argon2Block.Words;
            Zero = Input + Argon2Block.Words;
        }

        public ulong* Scratch { get; }

        public ulong* Addresses { get; }

        public ulong* Input { get; }

        public ulong* Zero { get; }
    }
}
