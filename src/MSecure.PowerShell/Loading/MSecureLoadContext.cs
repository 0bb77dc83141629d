using System;
using System.Reflection;
using System.Runtime.Loader;

namespace MSecure.PowerShell.Loading;

/// <summary>
/// The private load context of the module's dependencies: MSecure.Core, SQLite and its native
/// library, QRCoder. Assemblies found in the <c>Dependencies</c> folder load here, whatever
/// version another module has put in the default context; everything else (the framework,
/// PowerShell) falls through to the default context.
/// </summary>
internal sealed class MSecureLoadContext : AssemblyLoadContext
{
    private readonly DependencyProbe _probe;

    /// <summary>Creates the context over <paramref name="probe"/>'s folder.</summary>
    internal MSecureLoadContext(DependencyProbe probe)
        : base("MSecure", isCollectible: false)
    {
        _probe = probe;
    }

    /// <summary>The <c>Dependencies</c> folder.</summary>
    internal string Directory => _probe.Directory;

    /// <summary>Loads a dependency from the folder; null defers to the default context.</summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = _probe.FindAssembly(assemblyName.Name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <summary>Loads a native library of a dependency (for example e_sqlite3) from <c>runtimes/&lt;rid&gt;/native</c>.</summary>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _probe.FindNativeLibrary(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>For tests: what a <c>DllImport</c> of <paramref name="unmanagedDllName"/> in this context would load.</summary>
    internal IntPtr LoadNativeLibrary(string unmanagedDllName) => LoadUnmanagedDll(unmanagedDllName);
}
