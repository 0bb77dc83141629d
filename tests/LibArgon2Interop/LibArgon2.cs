using System;
using System.Runtime.InteropServices;

namespace MSecure.Interop;

/// <summary>
/// The reference C Argon2 (Debian package libargon2-1) through argon2_ctx, which, unlike
/// argon2_hash, accepts a secret and associated data.
/// </summary>
public static unsafe class LibArgon2
{
    private const string Library = "libargon2.so.1";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!NativeLibrary.TryLoad(Library, out IntPtr handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    });

    /// <summary>Whether libargon2.so.1 can be loaded on this machine.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>Computes an Argon2 (version 0x13) tag with <paramref name="threads"/> threads.</summary>
    /// <param name="type">0 = Argon2d, 1 = Argon2i, 2 = Argon2id.</param>
    public static void Hash(
        int type,
        uint memoryKiB,
        uint passes,
        uint lanes,
        uint threads,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> associatedData,
        Span<byte> tag)
    {
        fixed (byte* pwd = password, s = salt, k = secret, ad = associatedData, output = tag)
        {
            var context = new Argon2Context
            {
                Out = output,
                OutLength = (uint)tag.Length,
                Password = pwd,
                PasswordLength = (uint)password.Length,
                Salt = s,
                SaltLength = (uint)salt.Length,
                Secret = k,
                SecretLength = (uint)secret.Length,
                AssociatedData = ad,
                AssociatedDataLength = (uint)associatedData.Length,
                Passes = passes,
                MemoryKiB = memoryKiB,
                Lanes = lanes,
                Threads = threads,
                Version = 0x13,
            };
            int result = argon2_ctx(&context, type);
            if (result != 0)
            {
                throw new InvalidOperationException($"libargon2 failed: {Marshal.PtrToStringAnsi(argon2_error_message(result))}");
            }
        }
    }

    [DllImport(Library)]
    private static extern int argon2_ctx(Argon2Context* context, int type);

    [DllImport(Library)]
    private static extern IntPtr argon2_error_message(int errorCode);

    /// <summary>argon2_context from argon2.h (natural C layout: each pointer 8-byte aligned).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Argon2Context
    {
        public byte* Out;
        public uint OutLength;
        public byte* Password;
        public uint PasswordLength;
        public byte* Salt;
        public uint SaltLength;
        public byte* Secret;
        public uint SecretLength;
        public byte* AssociatedData;
        public uint AssociatedDataLength;
        public uint Passes;
        public uint MemoryKiB;
        public uint Lanes;
        public uint Threads;
        public uint Version;
        public IntPtr Allocate;
        public IntPtr Free;
        public uint Flags;
    }
}
