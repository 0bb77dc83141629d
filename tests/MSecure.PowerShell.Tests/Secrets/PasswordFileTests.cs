using System.IO;
using System.Linq;
using System.Security;
using MSecure.PowerShell.Secrets;
using Xunit;

namespace MSecure.PowerShell.Tests.Secrets;

public sealed class PasswordFileTests
{
    [Theory]
    [InlineData(new byte[] { 0x70, 0x77 }, "pw")]
    [InlineData(new byte[] { 0x70, 0x77, 0x0A }, "pw")]
    [InlineData(new byte[] { 0x70, 0x77, 0x0D, 0x0A }, "pw")]
    [InlineData(new byte[] { 0x70, 0x77, 0x0A, 0x0A }, "pw\n")]
    [InlineData(new byte[] { 0x20, 0x70, 0x77, 0x20, 0x0A }, " pw ")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x70, 0xC3, 0xA9 }, "pé")]
    public void Read_RemovesOneLineBreakAndTheBom_AndNothingElse(byte[] content, string expected)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("password.txt");
        File.WriteAllBytes(path, content);

        Assert.Equal(PasswordFile.Outcome.Read, PasswordFile.Read(path, out SecureString? password));

        Assert.Equal(expected, SecureStrings.ToPlainText(password!));
        Assert.True(password!.IsReadOnly());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x0A })]
    [InlineData(new byte[] { 0x0D, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Read_EmptyPassword_IsEmpty(byte[] content)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("password.txt");
        File.WriteAllBytes(path, content);

        Assert.Equal(PasswordFile.Outcome.Empty, PasswordFile.Read(path, out SecureString? password));
        Assert.Null(password);
    }

    [Fact]
    public void Read_NotUtf8_IsNotUtf8()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("password.txt");
        File.WriteAllBytes(path, [0x70, 0xFF, 0x77]);

        Assert.Equal(PasswordFile.Outcome.NotUtf8, PasswordFile.Read(path, out _));
    }

    [Fact]
    public void Read_UpTo64KiB_IsRead_AndLarger_IsTooLarge()
    {
        using var temp = new TempDirectory();
        string largest = temp.Combine("largest.txt");
        string tooLarge = temp.Combine("too-large.txt");
        File.WriteAllBytes(largest, new string('a', PasswordFile.MaxBytes).Select(c => (byte)c).ToArray());
        File.WriteAllBytes(tooLarge, new string('a', PasswordFile.MaxBytes + 1).Select(c => (byte)c).ToArray());

        Assert.Equal(65536, PasswordFile.MaxBytes);
        Assert.Equal(PasswordFile.Outcome.Read, PasswordFile.Read(largest, out SecureString? password));
        Assert.Equal(PasswordFile.MaxBytes, password!.Length);
        Assert.Equal(PasswordFile.Outcome.TooLarge, PasswordFile.Read(tooLarge, out SecureString? none));
        Assert.Null(none);
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_AnEndlessDevice_StopsAtTheCap()
    {
        if (System.OperatingSystem.IsWindows())
        {
            return;
        }

        var read = System.Threading.Tasks.Task.Run(() => PasswordFile.Read("/dev/zero", out _));

        PasswordFile.Outcome outcome = await read.WaitAsync(System.TimeSpan.FromSeconds(10));
        Assert.Equal(PasswordFile.Outcome.TooLarge, outcome);
    }

    [Fact]
    public void Read_OneLine_StopsAfterTheFirstLineBreak_AndLeavesTheRestUnread()
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("first line pw\r\nsecond line\n"));
        Assert.Equal(PasswordFile.Outcome.Read, PasswordFile.Read(input, oneLine: true, out SecureString? password));
        Assert.Equal("first line pw", SecureStrings.ToPlainText(password!));
        Assert.Equal(15, input.Position);
    }

    [Fact]
    public void Read_OneLine_EmptyLineOrInput_IsEmpty()
    {
        using var emptyLine = new MemoryStream("\nrest"u8.ToArray());
        Assert.Equal(PasswordFile.Outcome.Empty, PasswordFile.Read(emptyLine, oneLine: true, out _));
        using var nothing = new MemoryStream();
        Assert.Equal(PasswordFile.Outcome.Empty, PasswordFile.Read(nothing, oneLine: true, out _));
    }

    [Fact]
    public void Read_MissingFile_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<FileNotFoundException>(() => PasswordFile.Read(temp.Combine("missing.txt"), out _));
    }

    [Fact]
    public void IsReadableByOthers_FollowsUnixPermissions()
    {
        if (System.OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        string path = temp.Combine("password.txt");
        File.WriteAllText(path, "pw");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.False(PasswordFile.IsReadableByOthers(path));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Assert.True(PasswordFile.IsReadableByOthers(path));
    }
}
