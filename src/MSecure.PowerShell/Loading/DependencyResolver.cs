using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace MSecure.PowerShell.Loading;

/// <summary>
/// Resolves the module's dependencies for the default load context: when the default context
/// cannot find an assembly that lives in the <c>Dependencies</c> folder (MSecure.Core, asked
/// for by MSecure.PowerShell.dll), it is loaded into <see cref="MSecureLoadContext"/>. Any other
/// assembly is left alone, so the module never answers for another module's dependencies.
/// See "Resolving PowerShell module assembly dependency conflicts" in the PowerShell docs.
/// </summary>
internal sealed class DependencyResolver
{
    private readonly object _gate = new();
    private bool _registered;

    /// <summary>Creates a resolver for the folder <paramref name="probe"/> searches.</summary>
    internal DependencyResolver(DependencyProbe probe)
    {
        Probe = probe;
        Context = new MSecureLoadContext(probe);
    }

    /// <summary>The resolver of the loaded module: Dependencies/ beside MSecure.PowerShell.dll.</summary>
    internal static DependencyResolver Module { get; } = new(new DependencyProbe(
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? AppContext.BaseDirectory, "Dependencies")));

    /// <summary>The private context.</summary>
    internal MSecureLoadContext Context { get; }

    /// <summary>The folder probe.</summary>
    internal DependencyProbe Probe { get; }

    /// <summary>Starts answering the default context's <see cref="AssemblyLoadContext.Resolving"/> event.</summary>
    internal void Register()
    {
        lock (_gate)
        {
            if (!_registered)
            {
                AssemblyLoadContext.Default.Resolving += Resolve;
                _registered = true;
            }
        }
    }

    /// <summary>Stops answering; assemblies already loaded stay loaded.</summary>
    internal void Unregister()
    {
        lock (_gate)
        {
            if (_registered)
            {
                AssemblyLoadContext.Default.Resolving -= Resolve;
                _registered = false;
            }
        }
    }

    /// <summary>The <see cref="AssemblyLoadContext.Resolving"/> handler.</summary>
    internal Assembly? Resolve(AssemblyLoadContext requestingContext, AssemblyName assemblyName) =>
        Probe.Owns(assemblyName.Name) ? Context.LoadFromAssemblyName(assemblyName) : null;
}
