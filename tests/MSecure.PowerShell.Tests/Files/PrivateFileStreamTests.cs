using System;
using System.IO;
using MSecure.PowerShell.Files;
using Xunit;

namespace MSecure.PowerShell.Tests.Files;

public sealed class PrivateFileStreamTests
{
    [Fact]
    public void Write_StreamsANewOwnerOnlyFile_AndReturnsTheWritersResult()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("vault.msbackup");

        int result = PrivateFile.WriteStreamAtomically(path, overwrite: false, write: stream =>
        {
            stream.Write([1, 2, 3]);
            if (!OperatingSystem.IsWindows())
            {
                // Owner-only while it is being written, not only once renamed.
                string temporary = Assert.Single(Directory.GetFiles(temp.Path, "*.tmp"));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temporary));
            }

            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Write_ThatFails_LeavesNoFile_AndTheOldOneAsItWas()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("vault.msbackup");
        File.WriteAllText(path, "old backup");

        Assert.Throws<InvalidOperationException>(() => PrivateFile.WriteStreamAtomically<int>(path, overwrite: true, write: stream =>
        {
            stream.Write([9, 9, 9]);
            throw new InvalidOperationException("the vault failed halfway");
        }));
        Assert.ThrowsAny<IOException>(() => PrivateFile.WriteStreamAtomically(path, overwrite: false, write: stream => 0));

        Assert.Equal("old backup", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
