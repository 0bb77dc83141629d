using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Records;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>
/// A real KeePassXC database, made with keepassxc-cli (import of a small XML, groups, an added
/// entry, an attachment, an entry deleted into the recycle bin), exported as XML and as CSV by
/// KeePassXC itself and read by both readers. Under CI=true a missing keepassxc-cli fails the run.
/// </summary>
public sealed class KeePassXcCliImportTests : IDisposable
{
    private const string Notes = "Line one, with comma\nLine two | with \"quotes\" ✓";

    private readonly TempDirectory _directory = new();
    private readonly string _database;
    private readonly string _keyFile;

    public KeePassXcCliImportTests()
    {
        _database = _directory.File("real.kdbx");
        _keyFile = _directory.File("real.key");
    }

    public void Dispose() => _directory.Dispose();

    [RequiresToolsFact(ExternalTools.KeePassXcCli)]
    public void Xml_Export_Of_A_Real_Database_Imports_Field_By_Field()
    {
        CreateDatabase();
        string xml = Export("xml");

        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.KeePassXml, xml);

        Assert.Equal(ImportFormat.KeePassXml, Detect(xml));
        Assert.Equal(["AWS Ünïcödé", "Wi-Fi note", "Added ✓"], items.ConvertAll(item => item.Draft().Name));
        ImportItem aws = items[0];
        Assert.Equal(
            [
                "Username:Text=root@example.com",
                "Password:Secret=p,a\"ss|w<rd-CLI",
                "Website:Url=https://aws.amazon.com",
                "OneTimePassword:OneTimePasswordSeed=otpauth://totp/AWS:root?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=AWS",
                "API key:Secret=api-key-CLI",
                "Account ID:Text=123456789012",
            ],
            aws.Draft().FilledFields());
        Assert.Equal(["Work/Cloud ☁", "aws", "prod"], aws.Draft().Tags);
        Assert.Equal(Notes, aws.Draft().Notes);
        Assert.Contains("attachment 'codes.txt' skipped", aws.Remarks);
        AssertNoteAndAdded(items);
        ImportFixtures.NoValueInMessages(items, "p,a\"ss|w<rd-CLI", "api-key-CLI", "JBSWY3DPEHPK3PXP", "doomed-CLI");
    }

    [RequiresToolsFact(ExternalTools.KeePassXcCli)]
    public void Csv_Export_Of_A_Real_Database_Imports_Field_By_Field()
    {
        CreateDatabase();
        string csv = Export("csv");

        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.KeePassXcCsv, csv);

        Assert.Equal(ImportFormat.KeePassXcCsv, Detect(csv));
        Assert.Equal(["AWS Ünïcödé", "Wi-Fi note", "Added ✓"], items.ConvertAll(item => item.Draft().Name));
        Assert.Equal(
            ["Username:Text=root@example.com", "Password:Secret=p,a\"ss|w<rd-CLI", "Website:Url=https://aws.amazon.com"],
            items[0].Draft().FilledFields()[..3]);

        // KeePassXC's CSV writes the TOTP column as a URI it composes itself (the title as issuer).
        RecordField seed = Assert.Single(items[0].Draft().Fields, field => field.Label == "OneTimePassword");
        Assert.Equal(FieldKind.OneTimePasswordSeed, seed.Kind);
        Assert.StartsWith("otpauth://totp/", seed.Value, StringComparison.Ordinal);
        Assert.Contains("secret=JBSWY3DPEHPK3PXP", seed.Value, StringComparison.Ordinal);
        Assert.Equal(4, items[0].Draft().FilledFields().Length);
        Assert.Equal(["Work/Cloud ☁"], items[0].Draft().Tags);
        Assert.Equal(Notes, items[0].Draft().Notes);
        AssertNoteAndAdded(items);
    }

    private static void AssertNoteAndAdded(List<ImportItem> items)
    {
        RecordDraft note = items[1].Draft();
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Equal("Network: Oma\nKey 日本", note.Notes);
        Assert.Equal(["Notes"], note.Tags);

        RecordDraft added = items[2].Draft();
        Assert.Equal(["Username:Text=ann", "Website:Url=https://added.example"], added.FilledFields());
        Assert.Equal("added\nby the CLI", added.Notes);
        Assert.Equal(["Notes"], added.Tags);
    }

    private static ImportFormat Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ImportFormatDetector.Detect(stream);
    }

    /// <summary>A key-file database (no password prompt) built the ways KeePassXC users build theirs.</summary>
    private void CreateDatabase()
    {
        string source = _directory.File("source.xml");
        File.WriteAllText(source, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <KeePassFile><Meta><Generator>test</Generator></Meta><Root><Group><UUID>cm9vdGdyb3VwMDAwMDAwMA==</UUID><Name>Root</Name>
            <Group><UUID>d29ya2dyb3VwMDAwMDAwMA==</UUID><Name>Work</Name>
            <Group><UUID>Y2xvdWRncm91cDAwMDAwMA==</UUID><Name>Cloud ☁</Name>
            <Entry><UUID>ZW50cnkwMDAwMDAwMDAwMQ==</UUID><Tags>aws;prod</Tags>
            <String><Key>Title</Key><Value>AWS Ünïcödé</Value></String>
            <String><Key>UserName</Key><Value>root@example.com</Value></String>
            <String><Key>Password</Key><Value ProtectInMemory="True">p,a"ss|w&lt;rd-CLI</Value></String>
            <String><Key>URL</Key><Value>https://aws.amazon.com</Value></String>
            <String><Key>Notes</Key><Value>{Notes.Replace("\"", "&quot;", StringComparison.Ordinal)}</Value></String>
            <String><Key>otp</Key><Value ProtectInMemory="True">otpauth://totp/AWS:root?secret=JBSWY3DPEHPK3PXP&amp;period=30&amp;digits=6&amp;issuer=AWS</Value></String>
            <String><Key>Account ID</Key><Value>123456789012</Value></String>
            <String><Key>API key</Key><Value ProtectInMemory="True">api-key-CLI</Value></String>
            </Entry></Group></Group>
            <Group><UUID>bm90ZXNncm91cDAwMDAwMA==</UUID><Name>Notes</Name>
            <Entry><UUID>ZW50cnkwMDAwMDAwMDAwMg==</UUID>
            <String><Key>Title</Key><Value>Wi-Fi note</Value></String>
            <String><Key>Notes</Key><Value>Network: Oma
            Key 日本</Value></String>
            </Entry></Group></Group></Root></KeePassFile>
            """);
        File.WriteAllBytes(_keyFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        Cli("import", "-q", "--set-key-file", _keyFile, source, _database);
        Cli("add", "-q", "--no-password", "-k", _keyFile, "-u", "ann", "--url", "https://added.example", "--notes", "added\nby the CLI", _database, "Notes/Added ✓");
        string attachment = _directory.File("codes.txt");
        File.WriteAllText(attachment, "12345 67890");
        Cli("attachment-import", "-q", "--no-password", "-k", _keyFile, _database, "Work/Cloud ☁/AWS Ünïcödé", "codes.txt", attachment);
        Cli("add", "-q", "--no-password", "-k", _keyFile, "-u", "doomed-CLI", _database, "Doomed");
        Cli("rm", "-q", "--no-password", "-k", _keyFile, _database, "Doomed");
    }

    private string Export(string format)
    {
        ProcessResult result = Cli("export", "-q", "--no-password", "-k", _keyFile, "-f", format, _database);
        string path = _directory.File("export." + format);
        File.WriteAllText(path, result.StandardOutput);
        return path;
    }

    private static ProcessResult Cli(params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run(ExternalTools.Require(ExternalTools.KeePassXcCli), arguments);
        Assert.True(result.ExitCode == 0, $"keepassxc-cli {arguments[0]} exited {result.ExitCode}: {result.StandardError}");
        return result;
    }
}
