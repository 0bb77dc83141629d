using System;
using System.Collections.Generic;
using System.IO;

namespace MSecure.PowerShell.Loading;

/// <summary>
/// Finds the module's dependencies in its <c>Dependencies</c> folder: managed assemblies at the
/// folder's root (or under <c>runtimes/&lt;rid&gt;/lib/&lt;tfm&gt;/</c> when a package ships a
/// platform-specific build), native libraries under <c>runtimes/&lt;rid&gt;/native/</c>.
/// </summary>
internal sealed class DependencyProbe
{
    private static readonly string[] TargetFrameworks = ["net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0"];

    private readonly IReadOnlyList<string> _runtimeIdentifiers;
    private readonly string _nativePlatform;

    /// <summary>Probes <paramref name="directory"/> for the running process.</summary>
    internal DependencyProbe(string directory)
        : this(directory, RuntimeIdentifiers.ForCurrentProcess, OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")
    {
    }

    /// <summary>Probes <paramref name="directory"/> for the given runtime identifiers and native file naming (<c>win</c>, <c>osx</c>, <c>linux</c>).</summary>
    internal DependencyProbe(string directory, IReadOnlyList<string> runtimeIdentifiers, string nativePlatform)
    {
        Directory = directory;
        _runtimeIdentifiers = runtimeIdentifiers;
        _nativePlatform = nativePlatform;
    }

    /// <summary>The <c>Dependencies</c> folder.</summary>
    internal string Directory { get; }

    /// <summary>Whether an assembly of this simple name is one of the module's dependencies.</summary>
    internal bool Owns(string? assemblyName) => FindAssembly(assemblyName) is not null;

    /// <summary>The path of the assembly named <paramref name="assemblyName"/>, or null when it is not a dependency.</summary>
    internal string? FindAssembly(string? assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName) || assemblyName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        string fileName = assemblyName + ".dll";
        foreach (string rid in _runtimeIdentifiers)
        {
            foreach (string framework in TargetFrameworks)
            {
                string candidate = Path.Combine(Directory, "runtimes", rid, "lib", framework, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        string atRoot = Path.Combine(Directory, fileName);
        return File.Exists(atRoot) ? atRoot : null;
    }

    /// <summary>The path of the native library a <c>DllImport</c> names, or null when the module has none.</summary>
    internal string? FindNativeLibrary(string libraryName)
    {
        if (string.IsNullOrEmpty(libraryName) || Path.IsPathRooted(libraryName))
        {
            return null;
        }

        foreach (string fileName in NativeFileNames(libraryName))
        {
            foreach (string rid in _runtimeIdentifiers)
            {
                string candidate = Path.Combine(Directory, "runtimes", rid, "native", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            string atRoot = Path.Combine(Directory, fileName);
            if (File.Exists(atRoot))
            {
                return atRoot;
            }
        }

        return null;
    }

    /// <summary>The file names a library name may have on this platform: <c>e_sqlite3</c> is <c>libe_sqlite3.so</c> on Linux.</summary>
    internal IEnumerable<string> NativeFileNames(string libraryName)
    {
        (string prefix, string extension) = _nativePlatform switch
        {
            "win" => (string.Empty, ".dll"),
            "osx" => ("lib", ".dylib"),
            _ => ("lib", ".so"),
        };

        bool hasExtension = libraryName.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            || (extension == ".so" && libraryName.Contains(".so.", StringComparison.Ordinal));
        string withExtension = hasExtension ? libraryName : libraryName + extension;
        if (prefix.Length > 0 && !libraryName.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield return prefix + withExtension;
        }

        yield return withExtension;
        if (!hasExtension)
        {
            yield return libraryName;
        }
    }
}
