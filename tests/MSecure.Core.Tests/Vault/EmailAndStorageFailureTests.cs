using System;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Storage;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// Vault creation checks the email like the kit does (so every vault can print its kit), and
/// file-system failures surface as VaultStorageFailed, never as raw I/O exceptions.
/// </summary>
public sealed class EmailAndStorageFailureTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\t")]
    [InlineData("alice@example.com\r\n")]
    [InlineData("ali\u0000ce@example.com")]
    public void Create_RejectsAnEmailNoKitCouldShow_BeforeCreatingAnything(string email)
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => VaultFile.Create(_directory.VaultPath, email, TestVaults.Password, TestVaults.Kdf));

        Assert.False(File.Exists(_directory.VaultPath));
    }

    [Fact]
    public void Create_RejectsAnEmailOver254Bytes()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => VaultFile.Create(_directory.VaultPath, new string('a', 243) + "@example.com", TestVaults.Password, TestVaults.Kdf));
    }

    [Fact]
    public void EveryAcceptedEmail_CanBePrinted()
    {
        using VaultCreation creation = VaultFile.Create(_directory.VaultPath, " alice@example.com ", TestVaults.Password, TestVaults.Kdf);

        var sheet = new EmergencyKitSheet(creation.Kit.ToText(), creation.Kit.Email, creation.Kit.AccountId, DateTimeOffset.UnixEpoch);
        Assert.Equal(" alice@example.com ", sheet.Email);
    }

    [Fact]
    public void Create_UnderAParentThatIsAFile_IsVaultStorageFailed()
    {
        string file = _directory.File("plain-file");
        File.WriteAllText(file, "not a folder");

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultStorageFailed,
            () => VaultFile.Create(Path.Combine(file, "vault.msecure"), TestVaults.Email, TestVaults.Password, TestVaults.Kdf));
        Assert.IsAssignableFrom<Exception>(error.InnerException);

        TestValues.AssertFails(MSecureErrorCode.VaultStorageFailed,
            () => VaultFile.Create(Path.Combine(file, "deeper", "vault.msecure"), TestVaults.Email, TestVaults.Password, TestVaults.Kdf));
    }

    [Fact]
    public void TheFileCheck_OnAFolderWhereAVaultFileIsExpected_IsVaultNotFound()
    {
        string folder = _directory.File("a-folder.msecure");
        Directory.CreateDirectory(folder);

        TestValues.AssertFails(MSecureErrorCode.VaultNotFound, () => DatabaseFileCheck.EnsureOpenable(folder));
    }

    [Fact]
    public void Open_UnderAParentThatIsAFile_IsVaultNotFound_NotARawException()
    {
        string file = _directory.File("plain-file");
        File.WriteAllText(file, "not a folder");

        TestValues.AssertFails(MSecureErrorCode.VaultNotFound, () => VaultFile.Open(Path.Combine(file, "vault.msecure")));
        TestValues.AssertFails(MSecureErrorCode.VaultNotFound, () => DatabaseFileCheck.EnsureOpenable(Path.Combine(file, "vault.msecure")));
    }
}
