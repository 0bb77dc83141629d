using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Cryptography;

/// <summary>
/// Without Unicode normalisation (globalization-invariant mode) non-ASCII passwords and record
/// names are refused instead of silently giving another key or name index; ASCII works everywhere.
/// </summary>
public sealed class UnicodeNormalizationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly VaultTestDirectory _directory = new();

    public void Dispose()
    {
        UnicodeNormalization.OverrideForTests(null);
        _directory.Dispose();
    }

    [Fact]
    public void ThisTestProcess_HasNormalisation()
    {
        Assert.True(UnicodeNormalization.IsAvailable);
    }

    [Fact]
    public void WithoutNormalisation_ANonAsciiPassword_IsRefused()
    {
        UnicodeNormalization.OverrideForTests(false);

        TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable, () => PasswordEncoding.ToNormalizedUtf8("pa\u00DFwort"));
        TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable,
            () => VaultFile.Create(_directory.VaultPath, TestVaults.Email, "caf\u00E9-password", TestVaults.Kdf));
    }

    [Fact]
    public void WithoutNormalisation_AnAsciiPassword_GivesTheSameBytes()
    {
        byte[] withNormalisation = PasswordEncoding.ToNormalizedUtf8("plain ASCII p4ss!");
        UnicodeNormalization.OverrideForTests(false);
        byte[] without = PasswordEncoding.ToNormalizedUtf8("plain ASCII p4ss!");

        Assert.Equal(withNormalisation, without);
        CryptographicOperations.ZeroMemory(withNormalisation);
        CryptographicOperations.ZeroMemory(without);
    }

    [Fact]
    public void WithoutNormalisation_NonAsciiRecordNames_AreRefused_AndAsciiNamesWork()
    {
        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        UnicodeNormalization.OverrideForTests(false);

        Assert.Equal("mail", RecordNames.Normalize("MAIL"));
        TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable, () => RecordNames.Normalize("Caf\u00E9"));
        TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable, () => creation.Session.Add(TestVaults.Login("Caf\u00E9")));
        TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable, () => creation.Session.FindByName("Caf\u00E9"));
        Record added = creation.Session.Add(TestVaults.Login("Mail"));
        Assert.Equal(added.Id, creation.Session.FindByName("MAIL")!.Id);
    }

    [Fact]
    public void AChildProcessInInvariantMode_RefusesANonAsciiPassword_AndStillOpensAnAsciiOne()
    {
        const string NonAscii = "Gr\u00FC\uFB01e-password";
        string unicodeVault = _directory.File("unicode.msecure");
        VaultFile.Create(unicodeVault, TestVaults.Email, NonAscii, TestVaults.Kdf).Dispose();
        TestVaults.Create(_directory.VaultPath).Dispose();

        using (VaultWorkerProcess refused = VaultWorkerProcess.Start(unicodeVault, 1, "x", password: NonAscii, globalizationInvariant: true))
        {
            refused.ReadToEnd(Patience);
            Assert.Equal(1, refused.WaitForExit(Patience));
            Assert.Contains(nameof(MSecureErrorCode.UnicodeNormalizationUnavailable), refused.Errors, StringComparison.Ordinal);
        }

        using (VaultWorkerProcess nonAsciiName = VaultWorkerProcess.Start(_directory.VaultPath, 1, "caf\u00E9", globalizationInvariant: true))
        {
            nonAsciiName.ReadToEnd(Patience);
            Assert.Equal(1, nonAsciiName.WaitForExit(Patience));
            Assert.Contains(nameof(MSecureErrorCode.UnicodeNormalizationUnavailable), nonAsciiName.Errors, StringComparison.Ordinal);
        }

        using (VaultWorkerProcess ascii = VaultWorkerProcess.Start(_directory.VaultPath, 1, "invariant", globalizationInvariant: true))
        {
            string[] lines = ascii.ReadToEnd(Patience);
            Assert.True(ascii.WaitForExit(Patience) == 0, ascii.Errors);
            Assert.Equal("done", lines[^1]);
        }

        // The record written in invariant mode is found by name here, with ICU.
        using VaultSession session = TestVaults.Unlock(_directory.VaultPath);
        Assert.NotNull(session.FindByName("INVARIANT 000000"));
    }
}
