using System;
using System.Linq;
using MSecure.Core.Access;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Access;

/// <summary>Access keys of a vault without a server: the token reads the vault file, only the tagged records, as they are now.</summary>
public sealed class AccessKeyVaultTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public AccessKeyVaultTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    private static RecordDraft Tagged(string name, string password, params string[] tags)
    {
        RecordDraft draft = TestVaults.Login(name, "deployer", password);
        draft.Tags.AddRange(tags);
        return draft;
    }

    private string NewToken(string tag = "ci", TimeSpan? lifetime = null, string name = "pipeline")
    {
        using AccessKeyIssue issue = Session.CreateAccessKey(name, tag, lifetime);
        return new string(issue.Token);
    }

    [Fact]
    public void Token_ReadsTheTaggedRecords_WithTheirSecrets_AndNothingElse()
    {
        Session.Add(Tagged("deploy", "pw-deploy", "CI"));
        Session.Add(Tagged("personal", "pw-personal", "home"));
        Session.Add(Tagged("untagged", "pw-none"));
        string token = NewToken("ci");

        using AccessKeyReader reader = AccessKeyReader.Open(token, _directory.VaultPath);

        Assert.Equal(["deploy"], reader.List().Select(summary => summary.Name));
        Assert.Equal("pw-deploy", reader.FindByName("DEPLOY")!.GetField("Password")!.Value);
        Assert.Null(reader.FindByName("personal"));
        Assert.Null(reader.FindByName("untagged"));
        Assert.StartsWith("msa1.", token, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTaggedLater_IsSealedInTheSameWrite_AndUpdateReseals()
    {
        string token = NewToken("ci");
        Record added = Session.Add(Tagged("db", "pw-1", "ci"));
        Record updated = Session.Update(added.Id, Tagged("db", "pw-2", "ci"));

        using AccessKeyReader reader = AccessKeyReader.Open(token, _directory.VaultPath);

        Record read = reader.FindByName("db")!;
        Assert.Equal("pw-2", read.GetField("Password")!.Value);
        Assert.Equal(updated.Revision, read.Revision);
    }

    [Fact]
    public void Untagging_OrRemoving_RemovesTheGrant()
    {
        Record untag = Session.Add(Tagged("untag-me", "pw-1", "ci"));
        Record remove = Session.Add(Tagged("remove-me", "pw-2", "ci"));
        string token = NewToken("ci");
        using (AccessKeyReader before = AccessKeyReader.Open(token, _directory.VaultPath))
        {
            Assert.Equal(2, before.List().Count);
        }

        Session.Update(untag.Id, Tagged("untag-me", "pw-1"));
        Session.Remove(remove.Id);

        using AccessKeyReader after = AccessKeyReader.Open(token, _directory.VaultPath);
        Assert.Empty(after.List());
        Assert.Equal(0L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM access_grants;"));
    }

    [Fact]
    public void RevokedKey_ReadsNothing_AndNothingIsSealedForItAgain()
    {
        Record record = Session.Add(Tagged("db", "pw-1", "ci"));
        string token = NewToken("ci");
        Guid id = Session.GetAccessKeys().Single().Id;

        Session.RevokeAccessKey(id);
        Session.Update(record.Id, Tagged("db", "pw-2", "ci"));

        MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath));
        Assert.Equal(MSecureErrorCode.AccessKeyRevoked, refused.Code);
        Assert.Empty(Session.GetAccessKeys());
        Assert.Equal(0L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM access_grants;"));
        Assert.Equal(0L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM access_keys;"));
    }

    [Fact]
    public void ExpiredKey_IsRefused()
    {
        Session.Add(Tagged("db", "pw-1", "ci"));
        string token = NewToken("ci", TimeSpan.FromMilliseconds(50));
        System.Threading.Thread.Sleep(120);

        MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath));
        Assert.Equal(MSecureErrorCode.AccessKeyExpired, refused.Code);
    }

    [Fact]
    public void ExtendingTheExpiryInTheFile_DoesNotAuthenticate()
    {
        Session.Add(Tagged("db", "pw-1", "ci"));
        string token = NewToken("ci", TimeSpan.FromMilliseconds(50));
        System.Threading.Thread.Sleep(120);
        TestVaults.Execute(_directory.VaultPath, "UPDATE access_keys SET expires_at = 0; UPDATE access_grants SET expires_at = 0;");

        MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath));
        Assert.Equal(MSecureErrorCode.AccessKeyInvalid, refused.Code);
    }

    [Fact]
    public void TamperedGrantBytes_AreAnError_NeverARecord()
    {
        Session.Add(Tagged("db", "pw-1", "ci"));
        string token = NewToken("ci");
        byte[] envelope = (byte[])TestVaults.Scalar(_directory.VaultPath, "SELECT envelope FROM access_grants;")!;
        for (int position = 0; position < envelope.Length; position += Math.Max(1, envelope.Length / 40))
        {
            byte[] flipped = (byte[])envelope.Clone();
            flipped[position] ^= 0x01;
            TestVaults.Execute(_directory.VaultPath, "UPDATE access_grants SET envelope = $e;", ("$e", flipped));

            MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath));
            Assert.Equal(MSecureErrorCode.AccessKeyInvalid, refused.Code);
        }
    }

    [Fact]
    public void GrantMovedToAnotherRecordOrRevision_DoesNotAuthenticate()
    {
        Record first = Session.Add(Tagged("one", "pw-1", "ci"));
        Session.Add(Tagged("two", "pw-2", "ci"));
        string token = NewToken("ci");
        TestVaults.Execute(_directory.VaultPath, "UPDATE access_grants SET revision = revision + 1 WHERE record_id = $id;",
            ("$id", MSecure.Core.Storage.MetaStore.IdBytes(first.Id)));

        Assert.Equal(MSecureErrorCode.AccessKeyInvalid, Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath)).Code);
    }

    [Fact]
    public void KeyListing_NeverHoldsTheSecret_AndNamesAreUnique()
    {
        string token = NewToken("ci", name: "build");
        AccessKeyInfo info = Session.GetAccessKeys().Single();

        Assert.Equal("build", info.Name);
        Assert.Equal("ci", info.Tag);
        Assert.False(info.OnServer);
        Assert.Null(info.Expires);
        Assert.DoesNotContain(token.Split('.')[2], info.ToString(), StringComparison.Ordinal);
        MSecureException duplicate = Assert.Throws<MSecureException>(() => Session.CreateAccessKey("BUILD", "other", null));
        Assert.Equal(MSecureErrorCode.InvalidArgument, duplicate.Code);
    }

    [Fact]
    public void TheVaultFile_HoldsNoNameTagOrSecretInClear()
    {
        string token = NewToken("very-distinct-tag", name: "very-distinct-name");

        // Read only once the session is locked: no SQLite connection to the file is open any more.
        _creation.Session.Dispose();
        string text = System.Text.Encoding.Latin1.GetString(System.IO.File.ReadAllBytes(_directory.VaultPath));

        Assert.DoesNotContain("very-distinct-tag", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-distinct-name", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], text, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedTokens_AreAccessKeyInvalid_WithoutQuotingThem()
    {
        string good = NewToken("ci");
        string[] bad = ["", "msa1.", "msa2." + good[5..], good[..^2], good + "A", good.Replace('.', '!'), "msa1.AAAA.AAAA"];
        foreach (string token in bad)
        {
            MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.VaultPath));
            Assert.Equal(MSecureErrorCode.AccessKeyInvalid, refused.Code);
            if (token.Length > 8)
            {
                Assert.DoesNotContain(token[^8..], refused.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AnotherVaultsToken_IsRefused()
    {
        string token = NewToken("ci");
        using VaultCreation other = TestVaults.Create(_directory.File("other.msecure"));

        MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token, _directory.File("other.msecure")));
        Assert.Equal(MSecureErrorCode.AccessKeyInvalid, refused.Code);
    }

    [Fact]
    public void AccountKeyRotation_KeepsTheKeyWorking_AndResealing()
    {
        Record record = Session.Add(Tagged("db", "pw-1", "ci"));
        string token = NewToken("ci");

        Session.RotateAccountKey(TestVaults.Password);
        Session.Update(record.Id, Tagged("db", "pw-3", "ci"));

        using AccessKeyReader reader = AccessKeyReader.Open(token, _directory.VaultPath);
        Assert.Equal("pw-3", reader.FindByName("db")!.GetField("Password")!.Value);
        Assert.Single(Session.GetAccessKeys());
    }

    [Fact]
    public void TheVault_StaysSound_WithAccessKeys()
    {
        Session.Add(Tagged("db", "pw-1", "ci"));
        NewToken("ci");

        Assert.Empty(Session.CheckIntegrity());
        using VaultSession again = TestVaults.Unlock(_directory.VaultPath);
        Assert.Single(again.GetAccessKeys());
    }
}
