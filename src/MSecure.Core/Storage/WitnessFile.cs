using System;
using System.IO;
using System.Threading;

namespace MSecure.Core.Storage;

/// <summary>
/// The small file beside a vault, <c>&lt;vault&gt;.witness</c>, that remembers the newest vault
/// state this device saw (see <c>Vault.RevisionWitness</c>). It is not a SQLite file, so opening it
/// never disturbs SQLite's locks. Every access holds an advisory lock on it (FileShare.None, flock on
/// Unix) so that read-compare-write updates from several processes never go backwards. The file is
/// created 0600 on Unix. Access failures are reported to the caller as null or false: a witness that
/// cannot be kept (a read-only folder) only means an older state would go unnoticed.
/// </summary>
internal static class WitnessFile
{
    /// <summary>The longest witness read; anything longer is not one.</summary>
    internal const int MaximumLength = 256;

    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(2);

    /// <summary>The witness path of the vault at <paramref name="vaultPath"/>.</summary>
    internal static string PathFor(string vaultPath) => vaultPath + ".witness";

    /// <summary>The witness content, null when there is none or it cannot be read.</summary>
    internal static byte[]? Read(string vaultPath)
    {
        byte[]? content = null;
        return Locked(vaultPath, create: false, stream => content = ReadAll(stream)) ? content : null;
    }

    /// <summary>
    /// Under the lock: passes the current content (null when none) to <paramref name="decide"/> and
    /// writes what it returns in place of it (nothing when it returns null). False when the file
    /// could not be locked, read or written.
    /// </summary>
    internal static bool Update(string vaultPath, Func<byte[]?, byte[]?> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return Locked(vaultPath, create: true, stream =>
        {
            byte[]? current = stream.Length == 0 ? null : ReadAll(stream);
            if (decide(current) is not { } replacement)
            {
                return;
            }

            stream.Position = 0;
            stream.Write(replacement);
            stream.SetLength(replacement.Length);
        });
    }

    private static byte[]? ReadAll(FileStream stream)
    {
        if (stream.Length is 0 or > MaximumLength)
        {
            return stream.Length == 0 ? null : [];
        }

        byte[] content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        return content;
    }

    private static bool Locked(string vaultPath, bool create, Action<FileStream> use)
    {
        var options = new FileStreamOptions
        {
            Mode = create ? FileMode.OpenOrCreate : FileMode.Open,
            Access = create ? FileAccess.ReadWrite : FileAccess.Read,
            Share = FileShare.None,
        };
        if (create && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = VaultFilePermissions.FileMode;
        }

        DateTime deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                using var stream = new FileStream(PathFor(vaultPath), options);
                use(stream);
                return true;
            }
            catch (FileNotFoundException)
            {
                return false;
            }
            catch (DirectoryNotFoundException)
            {
                return false;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another process (a sharing violation): it is being updated right now.
                Thread.Sleep(5);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
