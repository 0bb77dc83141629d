using System.Runtime.InteropServices;
using MSecure.PowerShell.Loading;
using Xunit;

namespace MSecure.PowerShell.Tests.Loading;

public sealed class RuntimeIdentifiersTests
{
    [Fact]
    public void Linux_Portable_ThenFamily()
    {
        Assert.Equal(["linux-x64", "linux", "unix"], RuntimeIdentifiers.Candidates("linux-x64", "linux", Architecture.X64));
    }

    [Fact]
    public void DistributionSpecificRid_FallsBackToPortable()
    {
        Assert.Equal(["debian.12-x64", "linux-x64", "linux", "unix"], RuntimeIdentifiers.Candidates("debian.12-x64", "linux", Architecture.X64));
    }

    [Fact]
    public void Musl_FallsBackToMuslThenGlibc()
    {
        Assert.Equal(["alpine.3.20-x64", "linux-musl-x64", "linux-x64", "linux", "unix"],
            RuntimeIdentifiers.Candidates("alpine.3.20-x64", "linux", Architecture.X64));
        Assert.Equal(["linux-musl-arm64", "linux-arm64", "linux", "unix"],
            RuntimeIdentifiers.Candidates("linux-musl-arm64", "linux", Architecture.Arm64));
    }

    [Fact]
    public void MacAndWindows()
    {
        Assert.Equal(["osx-arm64", "osx", "unix"], RuntimeIdentifiers.Candidates("osx-arm64", "osx", Architecture.Arm64));
        Assert.Equal(["win-x64", "win"], RuntimeIdentifiers.Candidates("win-x64", "win", Architecture.X64));
        Assert.Equal(["win10-x86", "win-x86", "win"], RuntimeIdentifiers.Candidates("win10-x86", "win", Architecture.X86));
    }

    [Fact]
    public void CurrentProcess_StartsWithTheRuntimesOwn()
    {
        Assert.Equal(RuntimeInformation.RuntimeIdentifier, RuntimeIdentifiers.ForCurrentProcess[0]);
    }
}
