using System;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Sessions;

public sealed class SessionHandOffTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;
    private readonly ManualTimeProvider _time = new();

    public SessionHandOffTests()
    {
        _creation = TestVaults.Create(_directory.VaultPath);
        _creation.Session.Add(TestVaults.Login("web", "alice", "pw-web"));
    }

    private VaultSession Session => _creation.Session;

    private string SessionFolder => _directory.VaultPath + ".sessions";

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    private SessionToken Issue(TimeSpan? lifetime = null) => SessionHandOff.Issue(Session, lifetime ?? SessionHandOff.DefaultLifetime, _time);

    private VaultSession Open(string token) => SessionHandOff.Open(_directory.VaultPath, token, _time);

    [Fact]
    public void Token_OpensTheVault_ReadsAndWrites_WithoutThePassword()
    {
        using SessionToken token = Issue();
        Assert.Equal(Path.GetFullPath(_directory.VaultPath), token.VaultPath);
        Assert.Equal(_time.GetUtcNow() + SessionHandOff.DefaultLifetime, token.Expires);
        string text = token.Text.ToString();
        Assert.Matches("^mss1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}$", text);

        using (VaultSession opened = Open(text))
        {
            Assert.Equal("pw-web", opened.FindByName("web")!.GetField("Password")!.Value);
            opened.Add(TestVaults.Login("added-through-token", "bob", "pw-bob"));
        }

        Assert.NotNull(Session.FindByName("added-through-token"));
        Assert.True(SessionHandOff.IsFor(_directory.VaultPath, text));
    }

    [Fact]
    public void TwoTokens_AreIndependent_AndDifferent()
    {
        using SessionToken first = Issue();
        using SessionToken second = Issue();
        Assert.NotEqual(first.Text.ToString(), second.Text.ToString());
        Assert.Equal(2, Directory.GetFiles(SessionFolder).Length);
        Assert.True(SessionHandOff.Revoke(_directory.VaultPath, first.Text));
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(first.Text.ToString()));
        using VaultSession opened = Open(second.Text.ToString());
        Assert.False(opened.IsLocked);
    }

    [Fact]
    public void Expiry_IsEnforced_AndTheExpiredFileIsDeleted()
    {
        using SessionToken token = Issue(TimeSpan.FromMinutes(5));
        string text = token.Text.ToString();
        _time.AdvanceWithoutTimers(TimeSpan.FromMinutes(4));
        Open(text).Dispose();
        _time.AdvanceWithoutTimers(TimeSpan.FromMinutes(1));
        TestValues.AssertFails(MSecureErrorCode.SessionExpired, () => Open(text));
        Assert.Empty(Directory.GetFiles(SessionFolder));
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(text));
    }

    [Fact]
    public void ExpiredFiles_OfOtherSessions_AreCleanedUp_WhenANewOneIsIssued()
    {
        using SessionToken shortLived = Issue(TimeSpan.FromMinutes(1));
        _time.AdvanceWithoutTimers(TimeSpan.FromMinutes(2));
        using SessionToken fresh = Issue();
        Assert.False(SessionHandOff.IsFor(_directory.VaultPath, shortLived.Text));
        Assert.True(SessionHandOff.IsFor(_directory.VaultPath, fresh.Text));
        Assert.Single(Directory.GetFiles(SessionFolder));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void Lifetime_OutOfRange_IsRefused(int minutes) =>
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => Issue(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void ChangedExpiry_InTheFile_DoesNotAuthenticate()
    {
        using SessionToken token = Issue(TimeSpan.FromMinutes(5));
        string file = Directory.GetFiles(SessionFolder).Single();
        byte[] bytes = File.ReadAllBytes(file);
        bytes[40] ^= 0x40; // a byte of the expiry: pushes it far into the future
        File.WriteAllBytes(file, bytes);
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(token.Text.ToString()));
    }

    [Fact]
    public void EveryFlippedByte_OfTheSessionFile_IsSessionInvalid()
    {
        using SessionToken token = Issue();
        string text = token.Text.ToString();
        string file = Directory.GetFiles(SessionFolder).Single();
        byte[] original = File.ReadAllBytes(file);
        Assert.Equal(233, original.Length);
        for (int i = 0; i < original.Length; i++)
        {
            byte[] bytes = (byte[])original.Clone();
            bytes[i] ^= 0x01;
            File.WriteAllBytes(file, bytes);
            MSecureException exception = Assert.Throws<MSecureException>(() => Open(text));
            Assert.True(exception.Code == MSecureErrorCode.SessionInvalid, $"byte {i}: {exception.Code}");
        }

        File.WriteAllBytes(file, original[..^1]);
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(text));
        File.WriteAllBytes(file, original);
        Open(text).Dispose();
    }

    [Fact]
    public void WrongSecret_MalformedToken_AndUnknownSession_AreSessionInvalid_AndNeverQuoteTheToken()
    {
        using SessionToken token = Issue();
        string text = token.Text.ToString();
        char last = text[^2] == 'A' ? 'B' : 'A';
        string wrongSecret = text[..^2] + last + text[^1];
        string unknownId = text[..5] + (text[5] == 'A' ? 'B' : 'A') + text[6..];
        foreach (string bad in new[] { wrongSecret, unknownId, "", "mss1.", text + "x", text[..^1], text.Replace("mss1.", "mss2.", StringComparison.Ordinal), text.Replace('.', '+') })
        {
            MSecureException exception = TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(bad));
            Assert.DoesNotContain(text[5..27], exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(text[28..], exception.Message, StringComparison.Ordinal);
        }

        Assert.False(SessionHandOff.IsFor(_directory.VaultPath, "not a token"));
        Assert.False(SessionHandOff.Revoke(_directory.VaultPath, "not a token"));
        Assert.Equal("SessionToken (expires " + token.Expires.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ")", token.ToString());
    }

    [Fact]
    public void NonCanonicalBase64_IsRefused()
    {
        using SessionToken token = Issue();
        string text = token.Text.ToString();

        // 16 bytes in 22 characters leave 4 unused bits in the last one: setting one names the same bytes.
        char idLast = text[26];
        string alias = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char changed = alias[alias.IndexOf(idLast, StringComparison.Ordinal) | 1];
        if (changed != idLast)
        {
            string aliased = text[..26] + changed + text[27..];
            TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(aliased));
        }
    }

    [Fact]
    public void Token_OfAnotherVault_IsNotForThisOne_AndCopiedFileIsSessionInvalid()
    {
        string otherPath = _directory.File("other.msecure");
        using VaultCreation other = TestVaults.Create(otherPath);
        using SessionToken otherToken = SessionHandOff.Issue(other.Session, TimeSpan.FromMinutes(5), _time);
        string text = otherToken.Text.ToString();
        Assert.False(SessionHandOff.IsFor(_directory.VaultPath, text));
        Assert.True(SessionHandOff.IsFor(otherPath, text));
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(text));

        // The other vault's session file copied beside this vault: its vault id differs.
        Directory.CreateDirectory(SessionFolder);
        string name = Path.GetFileName(Directory.GetFiles(otherPath + ".sessions").Single());
        File.Copy(Path.Combine(otherPath + ".sessions", name), Path.Combine(SessionFolder, name));
        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(text));
        Assert.Contains("another vault", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RotatedAccountKey_MakesTheTokenSessionInvalid()
    {
        using SessionToken token = Issue();
        Session.RotateAccountKey(TestVaults.Password);
        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(token.Text.ToString()));
        Assert.Contains("Account Key was replaced", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordChange_KeepsTheTokenWorking_TheKeysAreTheSame()
    {
        using SessionToken token = Issue();
        Session.ChangePassword(TestVaults.Password, "another long passphrase 2026", allowWeakPassword: true);
        using VaultSession opened = Open(token.Text.ToString());
        Assert.NotNull(opened.FindByName("web"));
    }

    [Fact]
    public void RevokeAll_DeletesEverySessionFile_AndCountsThem()
    {
        using SessionToken first = Issue();
        using SessionToken second = Issue();
        File.WriteAllBytes(Path.Combine(SessionFolder, ".tmp-left-by-a-killed-writer"), new byte[3]);
        Assert.Equal(2, SessionHandOff.RevokeAll(_directory.VaultPath));
        Assert.Empty(Directory.GetFiles(SessionFolder));
        Assert.Equal(0, SessionHandOff.RevokeAll(_directory.VaultPath));
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(first.Text.ToString()));
        TestValues.AssertFails(MSecureErrorCode.SessionInvalid, () => Open(second.Text.ToString()));
        Assert.False(SessionHandOff.Revoke(_directory.VaultPath, first.Text));
    }

    [Fact]
    public void SessionFiles_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using SessionToken token = Issue();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(SessionFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Directory.GetFiles(SessionFolder).Single()));
    }

    [Fact]
    public void SessionFile_HoldsNoKeyInClear()
    {
        using SessionToken token = Issue();
        byte[] file = File.ReadAllBytes(Directory.GetFiles(SessionFolder).Single());
        Session.Use(vault =>
        {
            AssertAbsent(file, vault.Codec.Cipher.Keys.RecordEncryption.Bytes.ToArray());
            AssertAbsent(file, vault.Codec.Cipher.Keys.Verifier.Bytes.ToArray());
            return 0;
        });

        static void AssertAbsent(byte[] haystack, byte[] needle) =>
            Assert.True(haystack.AsSpan().IndexOf(needle) < 0, "a key appears in clear");
    }

    [Fact]
    public void Dispose_WipesTheTokenText()
    {
        SessionToken token = Issue();
        token.Dispose();
        Assert.Throws<ObjectDisposedException>(() => token.Text.Length);
    }

    [Fact]
    public void LockedSession_CannotIssue()
    {
        VaultSession session = TestVaults.Unlock(_directory.VaultPath);
        session.Dispose();
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => SessionHandOff.Issue(session, TimeSpan.FromMinutes(1), _time));
    }
}
