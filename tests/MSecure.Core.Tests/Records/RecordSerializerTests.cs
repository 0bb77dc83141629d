using System;
using System.Linq;
using System.Text;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using Xunit;

namespace MSecure.Core.Tests.Records;

public sealed class RecordSerializerTests
{
    private static readonly RecordContent Content = new(
        "Name \"quoted\" ☕",
        RecordTemplate.CreditCard,
        [new RecordField("CardNumber", FieldKind.Secret, "4111 1111"), new RecordField("Custom", FieldKind.Note, "line\nbreak")],
        ["a", "b"],
        "notes",
        true);

    [Fact]
    public void Record_RoundTrips()
    {
        using var buffer = new PinnedBufferWriter();
        RecordSerializer.WriteRecord(Content, 1_700_000_000_000, 1_700_000_000_123, null, buffer);

        RecordDocument document = RecordSerializer.ReadRecord(buffer.WrittenSpan)!;
        RecordContent read = RecordSerializer.ToContent(document);

        Assert.Equal(Content.Name, read.Name);
        Assert.Equal(Content.Template, read.Template);
        Assert.Equal(Content.Fields, read.Fields);
        Assert.Equal(Content.Tags, read.Tags);
        Assert.Equal(Content.Notes, read.Notes);
        Assert.True(read.IsFavorite);
        Assert.Equal(1_700_000_000_000, document.Created);
        Assert.Equal(1_700_000_000_123, document.Modified);
    }

    [Fact]
    public void TheFormat_IsShortFixedNamesWithEnumsByName()
    {
        using var buffer = new PinnedBufferWriter();
        RecordSerializer.WriteSummary(Content, 5, buffer);

        string json = Encoding.UTF8.GetString(buffer.WrittenSpan);

        Assert.StartsWith("{\"v\":1,\"name\":", json, StringComparison.Ordinal);
        Assert.Contains("\"template\":\"CreditCard\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"a\",\"b\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"favorite\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"modified\":5", json, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("notes", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Tombstone_HoldsOnlyTheIdAndTheMarker()
    {
        var id = Guid.NewGuid();
        using var buffer = new PinnedBufferWriter();
        RecordSerializer.WriteTombstone(id, 9, null, buffer);

        TombstoneDocument tombstone = RecordSerializer.ReadTombstone(buffer.WrittenSpan)!;

        Assert.Equal(id, tombstone.Id);
        Assert.True(tombstone.Deleted);
        Assert.Null(RecordSerializer.ReadRecord(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("{\"v\":2,\"name\":\"x\",\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Spaceship\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"fields\":[{\"kind\":\"Text\",\"value\":\"v\"}]}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"tags\":[null]}")]
    [InlineData("not json")]
    [InlineData("")]
    public void UnreadableDocuments_AreNull(string json)
    {
        Assert.Null(RecordSerializer.ReadRecord(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void UnknownProperties_AreIgnored_ForLaterVersions()
    {
        RecordDocument? document = RecordSerializer.ReadRecord("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"future\":{\"a\":[1,2]}}"u8);

        Assert.Equal("x", document!.Name);
    }

    [Fact]
    public void PinnedBufferWriter_WipesWhatItHeld()
    {
        var buffer = new PinnedBufferWriter(64);
        byte[] secret = Enumerable.Repeat((byte)0xAB, 1000).ToArray();
        secret.CopyTo(buffer.GetSpan(1000));
        buffer.Advance(1000);
        Assert.Equal(secret, buffer.WrittenSpan.ToArray());

        buffer.Clear();
        Assert.Equal(0, buffer.WrittenSpan.Length);
        Assert.True(buffer.GetSpan(1000)[..1000].ToArray().All(b => b == 0));
        buffer.Dispose();
    }
}

public sealed class SummaryReaderTests
{
    [Theory]
    [InlineData("{\"v\":1,\"name\":\"site\",\"template\":\"Login\",\"tags\":[\"a\",\"b\"],\"favorite\":true,\"modified\":1700000000000}")]
    [InlineData("{\"modified\":5,\"favorite\":false,\"tags\":[],\"template\":\"ServerDatabase\",\"name\":\"x\",\"v\":1}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"secureNote\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"tags\":null}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"future\":{\"a\":[1,{\"b\":null}]},\"later\":\"y\"}")]
    [InlineData("{\"v\":1,\"name\":\"caf\\u00e9 \\\"q\\\"\",\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\"}")]
    [InlineData("{\"v\":2,\"name\":\"x\",\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"name\":null,\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Spaceship\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"tags\":[null]}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"tags\":\"a\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"favorite\":\"yes\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\",\"modified\":\"soon\"}")]
    [InlineData("{\"v\":1,\"name\":17,\"template\":\"Login\"}")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\"} trailing")]
    [InlineData("{\"v\":1,\"name\":\"x\",\"template\":\"Login\"")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("")]
    public void TheFastReader_AcceptsExactlyWhatTheGeneratedReaderAccepts(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        SummaryDocument? expected = RecordSerializer.ReadSummaryWithContext(bytes);
        SummaryDocument? actual = SummaryReader.Read(bytes);

        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.Equal(expected.Name, actual!.Name);
            Assert.Equal(expected.Template, actual.Template);
            Assert.Equal(expected.Tags, actual.Tags);
            Assert.Equal(expected.Favorite, actual.Favorite);
            Assert.Equal(expected.Modified, actual.Modified);
        }
    }

    [Fact]
    public void TheFastReader_ReadsWhatTheWriterWrites_ForEveryTemplate()
    {
        using var buffer = new PinnedBufferWriter();
        foreach (RecordTemplate template in Enum.GetValues<RecordTemplate>())
        {
            var content = new RecordContent("name ☕ \"x\"", template, [], ["t1", "T2"], "n", template == RecordTemplate.Passport);
            RecordSerializer.WriteSummary(content, 42, buffer);

            SummaryDocument read = SummaryReader.Read(buffer.WrittenSpan)!;

            Assert.Equal(content.Name, read.Name);
            Assert.Equal(template, read.Template);
            Assert.Equal(content.Tags, read.Tags);
            Assert.Equal(content.IsFavorite, read.Favorite);
            Assert.Equal(42, read.Modified);
        }
    }
}

public sealed class SummaryNameReaderTests
{
    [Theory]
    [InlineData("{\"v\":1,\"name\":\"site\",\"template\":\"Login\"}", "site")]
    [InlineData("{\"name\":\"late version\",\"v\":1,\"template\":\"Login\"}", "late version")]
    [InlineData("{\"v\":1,\"future\":[1,2],\"name\":\"x\"}", "x")]
    [InlineData("{\"v\":2,\"name\":\"x\"}", null)]
    [InlineData("{\"name\":\"x\",\"v\":2}", null)]
    [InlineData("{\"v\":1,\"name\":7}", null)]
    [InlineData("{\"v\":1e100,\"name\":\"x\"}", null)]
    [InlineData("{\"v\":1}", null)]
    [InlineData("garbage", null)]
    public void ReadName_ReadsOnlyTheNameOfAVersionOneSummary(string json, string? expected)
    {
        Assert.Equal(expected, SummaryReader.ReadName(Encoding.UTF8.GetBytes(json)));
    }
}
