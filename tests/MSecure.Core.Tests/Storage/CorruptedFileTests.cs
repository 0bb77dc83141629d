using System;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

/// <summary>Files that are not sound vaults must fail with VaultCorrupted naming the file, never a raw SQLite error.</summary>
public sealed class CorruptedFileTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    private string VaultPath => _directory.VaultPath;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AZeroLengthFile_IsVaultCorrupted()
    {
        File.WriteAllBytes(VaultPath, []);

        AssertCorrupted("empty");
        Assert.Equal(0, new FileInfo(VaultPath).Length);
    }

    [Fact]
    public void RandomBytes_AreVaultCorrupted()
    {
        File.WriteAllBytes(VaultPath, new Random(42).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 64 * 1024));

        AssertCorrupted("not a SQLite database");
    }

    [Fact]
    public void ATextFile_IsVaultCorrupted()
    {
        File.WriteAllText(VaultPath, string.Concat(Enumerable.Repeat("this is a shopping list, not a vault\n", 20)));

        AssertCorrupted("not a SQLite database");
    }

    [Fact]
    public void AVaultTruncatedToHalf_IsVaultCorrupted()
    {
        CreateVaultWithRecords(300);
        long length = new FileInfo(VaultPath).Length;
        Assert.True(length > 8 * 4096, "the vault should span many pages");
        using (var stream = new FileStream(VaultPath, FileMode.Open))
        {
            stream.SetLength(length / 2);
        }

        AssertCorrupted("truncated");
    }

    [Fact]
    public void AVaultCutToItsFirstPage_IsVaultCorrupted()
    {
        CreateVaultWithRecords(10);
        using (var stream = new FileStream(VaultPath, FileMode.Open))
        {
            stream.SetLength(4096);
        }

        AssertCorrupted("truncated");
    }

    [Fact]
    public void AVaultTruncatedInsideItsHeader_IsVaultCorrupted()
    {
        CreateVaultWithRecords(1);
        using (var stream = new FileStream(VaultPath, FileMode.Open))
        {
            stream.SetLength(50);
        }

        AssertCorrupted("too short to be a vault");
    }

    [Fact]
    public void DamagedPages_AreVaultCorrupted_WhereverTheyAreMet()
    {
        CreateVaultWithRecords(300);
        byte[] bytes = File.ReadAllBytes(VaultPath);
        for (int page = 1; page < bytes.Length / 4096; page++)
        {
            bytes.AsSpan(page * 4096, 12).Fill(0xFF);
        }

        File.WriteAllBytes(VaultPath, bytes);

        MSecureException error = Assert.Throws<MSecureException>(() =>
        {
            using VaultFile file = VaultFile.Open(VaultPath);
            using VaultSession session = file.Unlock(TestVaults.Password);
            session.Search(new RecordQuery());
        });
        Assert.Equal(MSecureErrorCode.VaultCorrupted, error.Code);
        Assert.Contains(VaultPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASqliteDatabaseOfAnotherApplication_IsVaultCorrupted()
    {
        TestVaults.Execute(VaultPath, "CREATE TABLE shopping (item TEXT); INSERT INTO shopping VALUES ('milk');");

        AssertCorrupted("holds no MSecure vault");
    }

    [Fact]
    public void AVaultWithoutItsMetadataRow_IsVaultCorrupted()
    {
        CreateVaultWithRecords(1);
        TestVaults.Execute(VaultPath, "DELETE FROM meta;");

        AssertCorrupted("metadata is missing");
    }

    [Fact]
    public void AVaultWithAMalformedWrappedKey_IsVaultCorrupted()
    {
        CreateVaultWithRecords(1);
        TestVaults.Execute(VaultPath, "UPDATE meta SET wrapped_account_key = x'01020304';");

        AssertCorrupted("wrapped Account Key is malformed");
    }

    [Theory]
    [InlineData("x'5a' || substr(verifier, 2)")]
    [InlineData("substr(verifier, 1, 20)")]
    public void AVaultWhoseStoredVerifierIsNotAnEnvelope_IsVaultCorrupted(string damagedVerifier)
    {
        CreateVaultWithRecords(1);
        TestVaults.Execute(VaultPath, "UPDATE meta SET verifier = " + damagedVerifier + ";");

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => TestVaults.Unlock(VaultPath));
        Assert.Contains(VaultPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVaultAskingForAHostileKdfCost_IsRefusedBeforeTheKdfRuns()
    {
        CreateVaultWithRecords(1);
        TestVaults.Execute(VaultPath, "UPDATE meta SET kdf_memory_kib = 4294967295;");

        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, () => VaultFile.Open(VaultPath));
    }

    [Fact]
    public void AVaultOfANewerSchema_IsVaultSchemaTooNew()
    {
        CreateVaultWithRecords(1);
        TestVaults.Execute(VaultPath, "PRAGMA user_version = 99;");

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultSchemaTooNew, () => VaultFile.Open(VaultPath));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(VaultPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectory_IsVaultNotFound()
    {
        Directory.CreateDirectory(VaultPath);

        TestValues.AssertFails(MSecureErrorCode.VaultNotFound, () => VaultFile.Open(VaultPath));
    }

    private void CreateVaultWithRecords(int count)
    {
        using VaultCreation creation = TestVaults.Create(VaultPath);
        creation.Session.AddMany(Enumerable.Range(0, count).Select(i => TestVaults.Login("record " + i, "user", new string('p', 200))));
    }

    private void AssertCorrupted(string reason)
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => VaultFile.Open(VaultPath));
        Assert.Contains(VaultPath, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), error.Message);
        Assert.Equal(MSecureErrorCategory.InvalidData, error.Category);
    }
}
