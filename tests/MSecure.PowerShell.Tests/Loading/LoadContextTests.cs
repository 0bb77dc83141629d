using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using MSecure.PowerShell.Loading;
using Xunit;

namespace MSecure.PowerShell.Tests.Loading;

/// <summary>
/// The private load context for real: a Dependencies folder made from the assemblies this test
/// run was built with, resolved through <see cref="DependencyResolver"/> as the module does.
/// </summary>
public sealed class LoadContextTests : IDisposable
{
    private static readonly string[] DependencyFiles =
    [
        "MSecure.Core.dll", "QRCoder.dll", "Microsoft.Data.Sqlite.dll", "zxing.dll", "StbImageSharp.dll", "AngleSharp.dll",
        "SQLitePCLRaw.core.dll", "SQLitePCLRaw.batteries_v2.dll", "SQLitePCLRaw.provider.e_sqlite3.dll",
    ];

    private readonly TempDirectory _temp = new();
    private readonly DependencyResolver _resolver;

    public LoadContextTests()
    {
        foreach (string file in DependencyFiles.Where(f => File.Exists(Path.Combine(AppContext.BaseDirectory, f))))
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), _temp.Combine(file));
        }

        string runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        if (Directory.Exists(runtimes))
        {
            foreach (string native in Directory.GetFiles(runtimes, "*e_sqlite3*", SearchOption.AllDirectories))
            {
                string target = _temp.Combine(Path.GetRelativePath(AppContext.BaseDirectory, native));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(native, target);
            }
        }

        _resolver = new DependencyResolver(new DependencyProbe(_temp.Path));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Resolve_LoadsADependency_IntoThePrivateContext_FromTheFolder()
    {
        Assembly? core = _resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("MSecure.Core"));

        Assert.NotNull(core);
        Assert.Same(_resolver.Context, AssemblyLoadContext.GetLoadContext(core));
        Assert.Equal("MSecure", _resolver.Context.Name);
        Assert.Equal(_temp.Combine("MSecure.Core.dll"), core.Location);

        // The test process has its own MSecure.Core in the default context: two copies, isolated.
        Assembly own = typeof(MSecure.Core.Errors.MSecureException).Assembly;
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(own));
        Assert.NotSame(own, core);
    }

    [Fact]
    public void Resolve_IgnoresAssembliesOutsideTheFolder()
    {
        Assert.Null(_resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Newtonsoft.Json")));
        Assert.Null(_resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("System.Management.Automation")));
    }

    [Fact]
    public void PrivateContext_ResolvesDependenciesOfDependencies_ThereToo()
    {
        Assembly core = _resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("MSecure.Core"))!;
        Assembly qrCoder = _resolver.Context.LoadFromAssemblyName(new AssemblyName("QRCoder"));

        Assert.Same(_resolver.Context, AssemblyLoadContext.GetLoadContext(qrCoder));
        Assert.Contains(core.GetReferencedAssemblies(), name => name.Name == "QRCoder");

        // Framework assemblies are not in the folder: they come from the default context.
        Assembly runtime = _resolver.Context.LoadFromAssemblyName(new AssemblyName("System.Runtime"));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(runtime));
    }

    [Theory]
    [InlineData("zxing")]
    [InlineData("StbImageSharp")]
    [InlineData("AngleSharp")]
    public void KitReadingLibraries_LoadIntoThePrivateContext(string name)
    {
        Assembly core = _resolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("MSecure.Core"))!;
        Assembly library = _resolver.Context.LoadFromAssemblyName(new AssemblyName(name));

        Assert.Same(_resolver.Context, AssemblyLoadContext.GetLoadContext(library));
        Assert.Equal(_temp.Combine(name + ".dll"), library.Location);
        Assert.Contains(core.GetReferencedAssemblies(), reference => reference.Name == name);
    }

    [Fact]
    public void NativeLibrary_LoadsFromRuntimesRidNative()
    {
        Assert.True(File.Exists(_temp.Combine("Microsoft.Data.Sqlite.dll")), "MSecure.Core should depend on Microsoft.Data.Sqlite");

        IntPtr handle = _resolver.Context.LoadNativeLibrary("e_sqlite3");

        Assert.NotEqual(IntPtr.Zero, handle);
        Assert.True(NativeLibrary.TryGetExport(handle, "sqlite3_libversion", out _));
        Assert.Equal(IntPtr.Zero, _resolver.Context.LoadNativeLibrary("no_such_library"));
    }

    [Fact]
    public void Sqlite_OpensAndQueries_InsideThePrivateContext()
    {
        Assert.True(File.Exists(_temp.Combine("Microsoft.Data.Sqlite.dll")), "MSecure.Core should depend on Microsoft.Data.Sqlite");

        Assembly batteries = _resolver.Context.LoadFromAssemblyName(new AssemblyName("SQLitePCLRaw.batteries_v2"));
        batteries.GetType("SQLitePCL.Batteries_V2", throwOnError: true)!.GetMethod("Init")!.Invoke(null, null);
        Assembly sqlite = _resolver.Context.LoadFromAssemblyName(new AssemblyName("Microsoft.Data.Sqlite"));
        Type connectionType = sqlite.GetType("Microsoft.Data.Sqlite.SqliteConnection", throwOnError: true)!;

        using var connection = (System.Data.Common.DbConnection)Activator.CreateInstance(connectionType, "Data Source=:memory:")!;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        string version = (string)command.ExecuteScalar()!;

        Assert.StartsWith("3.", version, StringComparison.Ordinal);
        Assert.Same(_resolver.Context, AssemblyLoadContext.GetLoadContext(sqlite));
        if (OperatingSystem.IsLinux())
        {
            // The native library mapped into the process is the folder's copy.
            Assert.Contains(File.ReadLines("/proc/self/maps"), line => line.Contains(_temp.Path, StringComparison.Ordinal) && line.Contains("libe_sqlite3", StringComparison.Ordinal));
        }
    }
}
