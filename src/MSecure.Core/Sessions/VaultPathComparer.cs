using System;
using System.IO;

namespace MSecure.Core.Sessions;

/// <summary>Compares vault paths the way the file system does: ignoring case on Windows and macOS.</summary>
public static class VaultPathComparer
{
    /// <summary>The comparer for full vault paths on this operating system.</summary>
    public static StringComparer Instance { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The full path used as a key: <see cref="Path.GetFullPath(string)"/>.</summary>
    public static string Normalize(string vaultPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(vaultPath);
        return Path.GetFullPath(vaultPath);
    }
}
