using System.Runtime.InteropServices;

namespace MSecure.Core.Cryptography;

/// <summary>The few libc memory calls Argon2 uses on Linux (constants are Linux's, all architectures).</summary>
internal static unsafe partial class LinuxMemory
{
    private const int ProtRead = 0x1;
    private const int ProtWrite = 0x2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int MadviseHugePage = 14;
    private const int MadviseDontDump = 16;

    /// <summary>Maps zeroed, private, anonymous memory; false when the kernel refuses.</summary>
    public static bool TryMap(nuint length, out void* address)
    {
        address = mmap(null, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (address == unchecked((void*)-1))
        {
            address = null;
            return false;
        }

        return true;
    }

    /// <summary>Best-effort hints: transparent huge pages, and no copy in a core dump.</summary>
    public static void Advise(void* address, nuint length)
    {
        _ = madvise(address, length, MadviseHugePage);
        _ = madvise(address, length, MadviseDontDump);
    }

    public static void Unmap(void* address, nuint length) => _ = munmap(address, length);

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int madvise(void* address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int munmap(void* address, nuint length);
}
