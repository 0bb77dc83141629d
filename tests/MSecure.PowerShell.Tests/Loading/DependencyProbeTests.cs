using System.IO;
using System.Linq;
using MSecure.PowerShell.Loading;
using Xunit;

namespace MSecure.PowerShell.Tests.Loading;

public sealed class DependencyProbeTests
{
    [Theory]
    [InlineData("linux", "e_sqlite3", new[] { "libe_sqlite3.so", "e_sqlite3.so", "e_sqlite3" })]
    [InlineData("linux", "libe_sqlite3.so", new[] { "libe_sqlite3.so" })]
    [InlineData("linux", "libsqlite3.so.0", new[] { "libsqlite3.so.0" })]
    [InlineData("osx", "e_sqlite3", new[] { "libe_sqlite3.dylib", "e_sqlite3.dylib", "e_sqlite3" })]
    [InlineData("win", "e_sqlite3", new[] { "e_sqlite3.dll", "e_sqlite3" })]
    [InlineData("win", "e_sqlite3.dll", new[] { "e_sqlite3.dll" })]
    public void NativeFileNames_FollowThePlatformsConvention(string platform, string name, string[] expected)
    {
        var probe = new DependencyProbe("/nowhere", ["x"], platform);

        Assert.Equal(expected, probe.NativeFileNames(name).ToArray());
    }

    [Fact]
    public void FindNativeLibrary_PrefersTheMostSpecificRid_ThenTheRoot()
    {
        using var temp = new TempDirectory();
        Touch(temp.Combine("runtimes", "linux-x64", "native", "libe_sqlite3.so"));
        Touch(temp.Combine("runtimes", "linux-musl-x64", "native", "libe_sqlite3.so"));
        Touch(temp.Combine("libother.so"));

        var glibc = new DependencyProbe(temp.Path, ["debian.12-x64", "linux-x64", "linux", "unix"], "linux");
        var musl = new DependencyProbe(temp.Path, ["alpine-x64", "linux-musl-x64", "linux-x64"], "linux");
        var arm = new DependencyProbe(temp.Path, ["linux-arm64", "linux", "unix"], "linux");

        Assert.Equal(temp.Combine("runtimes", "linux-x64", "native", "libe_sqlite3.so"), glibc.FindNativeLibrary("e_sqlite3"));
        Assert.Equal(temp.Combine("runtimes", "linux-musl-x64", "native", "libe_sqlite3.so"), musl.FindNativeLibrary("e_sqlite3"));
        Assert.Null(arm.FindNativeLibrary("e_sqlite3"));
        Assert.Equal(temp.Combine("libother.so"), arm.FindNativeLibrary("other"));
        Assert.Null(glibc.FindNativeLibrary("/usr/lib/libc.so.6"));
    }

    [Fact]
    public void FindAssembly_AtTheRoot_OrRidSpecific_OnlyInTheFolder()
    {
        using var temp = new TempDirectory();
        Touch(temp.Combine("QRCoder.dll"));
        Touch(temp.Combine("System.Drawing.Common.dll"));
        Touch(temp.Combine("runtimes", "unix", "lib", "net6.0", "System.Drawing.Common.dll"));
        var probe = new DependencyProbe(temp.Path, ["linux-x64", "linux", "unix"], "linux");

        Assert.Equal(temp.Combine("QRCoder.dll"), probe.FindAssembly("QRCoder"));
        Assert.Equal(temp.Combine("runtimes", "unix", "lib", "net6.0", "System.Drawing.Common.dll"), probe.FindAssembly("System.Drawing.Common"));
        Assert.Null(probe.FindAssembly("System.Management.Automation"));
        Assert.Null(probe.FindAssembly("../QRCoder"));
        Assert.Null(probe.FindAssembly(null));
        Assert.True(probe.Owns("QRCoder"));
        Assert.False(probe.Owns("Newtonsoft.Json"));
    }

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
    }
}
