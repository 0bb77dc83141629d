using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MSecure.Core.Access;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.Server.Tests.Infrastructure;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Accounts.Tests;

/// <summary>
/// A registered vault's access key read through the real server with only its token: tagged records
/// only, re-sealed after a change and a sync, and refused at once once revoked.
/// </summary>
public sealed class AccessKeyEndToEndTests
{
    private const string Password = "correct horse battery staple";

    /// <summary>SQLite always; PostgreSQL with MSECURE_TEST_POSTGRES (CI).</summary>
    public static TheoryData<string> Databases => TestDatabases.All;

    private static RecordDraft Login(string name, string password, params string[] tags)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", "deployer", FieldKind.Text);
        draft.SetField("Password", password, FieldKind.Secret);
        draft.Tags.AddRange(tags);
        return draft;
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Token_reads_through_the_server_and_revocation_is_immediate(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation vault = VaultFile.Create(Path.Combine(host.VaultFolder("device1"), "vault.msecure"), "alice@example.com", Password, KdfParameters.Minimum);
        vault.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        vault.Session.RegisterAccount(host.Server, host.Fingerprint, "device1");
        Record deploy = vault.Session.Add(Login("deploy", "pw-1", "ci"));
        vault.Session.Add(Login("private", "pw-private"));

        string token;
        using (AccessKeyIssue issue = vault.Session.CreateAccessKey("pipeline", "ci", null))
        {
            Assert.True(issue.Info.OnServer);
            Assert.True(issue.GrantsUploaded);
            token = new string(issue.Token);
        }

        // No vault path: the token names the server and its certificate.
        using (AccessKeyReader reader = AccessKeyReader.Open(token))
        {
            Assert.Equal(["deploy"], reader.List().Select(summary => summary.Name));
            Assert.Equal("pw-1", reader.FindByName("deploy")!.GetField("Password")!.Value);
            Assert.Null(reader.FindByName("private"));
        }

        vault.Session.Update(deploy.Id, Login("deploy", "pw-2", "ci"));
        vault.Session.Sync();
        using (AccessKeyReader reader = AccessKeyReader.Open(token))
        {
            Assert.Equal("pw-2", reader.FindByName("deploy")!.GetField("Password")!.Value);
        }

        vault.Session.RevokeAccessKey(vault.Session.GetAccessKeys().Single().Id);

        MSecureException refused = Assert.Throws<MSecureException>(() => AccessKeyReader.Open(token));
        Assert.Equal(MSecureErrorCode.AccessKeyRevoked, refused.Code);
        Assert.DoesNotContain(token.Split('.')[2], refused.Message, System.StringComparison.Ordinal);
    }
}
