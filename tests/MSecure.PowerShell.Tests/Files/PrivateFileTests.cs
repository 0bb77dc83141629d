using System;
using System.IO;
using MSecure.PowerShell.Files;
using Xunit;

namespace MSecure.PowerShell.Tests.Files;

public sealed class PrivateFileTests
{
    [Fact]
    public void OpenNew_InAMissingFolder_Throws()
    {
        using var temp = new TempDirectory();

        Assert.ThrowsAny<IOException>(() => PrivateFile.OpenNew(temp.Combine("missing", "kit.html")));
    }

    [Fact]
    public void OpenNew_IsExclusive_AndOwnerOnly()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("kit.html");

        using (PrivateFile.OpenNew(path))
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.ThrowsAny<IOException>(() => PrivateFile.OpenNew(path));
    }

    [Fact]
    public void WriteAtomically_ReplacesTheFile_OwnerOnly_LeavingNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("settings.json");
        File.WriteAllText(path, "old");

        PrivateFile.WriteAtomically(path, "new"u8, overwrite: true);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void WriteAtomically_WhenTheCheckBeforeReplacingFails_KeepsTheOldFile_AndRemovesTheTemporaryOne()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("kit.html");
        File.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => PrivateFile.WriteAtomically(path, "new"u8, overwrite: true, () => throw new IOException("refused")));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WriteAtomically_WithoutOverwrite_RefusesAnExistingFile()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("kit.html");
        File.WriteAllText(path, "old");

        Assert.ThrowsAny<IOException>(() => PrivateFile.WriteAtomically(path, "new"u8, overwrite: false));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
