using System;
using System.Collections.Generic;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Records;

/// <summary>Control and bidirectional characters in record text, and the notes limit.</summary>
public sealed class RecordTextRulesTests
{
    public static TheoryData<string> UnsafeCharacters() => new()
    {
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B", "\t", "\n", "\r",
        "\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
        "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\u2029",
    };

    [Theory]
    [MemberData(nameof(UnsafeCharacters))]
    public void DisplayText_FindsEveryUnsafeCharacter(string unsafeCharacter)
    {
        Assert.True(DisplayText.IsUnsafe(unsafeCharacter[0]));
        Assert.Equal(3, DisplayText.IndexOfUnsafe("abc" + unsafeCharacter + "def"));
        Assert.DoesNotContain(unsafeCharacter, DisplayText.Neutralize("abc" + unsafeCharacter + "def"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("caf\u00E9 \u00FC\u00DF \u4E2D\u6587 \U0001F600")]
    [InlineData("\u05E9\u05DC\u05D5\u05DD")] // Hebrew letters are right-to-left, but not formatting characters
    [InlineData("zero\u200Bwidth\u200Djoiner")]
    [InlineData("")]
    public void DisplayText_LeavesSafeTextAsItIs(string text)
    {
        Assert.Equal(-1, DisplayText.IndexOfUnsafe(text));
        Assert.Same(text, DisplayText.Neutralize(text));
        Assert.Null(DisplayText.DescribeUnsafe(text));
    }

    [Fact]
    public void Neutralize_ShowsEscapes()
    {
        Assert.Equal("\\x1B[31mred\\x1B[0m", DisplayText.Neutralize("\u001B[31mred\u001B[0m"));
        Assert.Equal("invoice\\u202Efdp.exe", DisplayText.Neutralize("invoice\u202Efdp.exe"));
        Assert.Equal("a\\x00b\\x0Ac\\x85", DisplayText.Neutralize("a\u0000b\nc\u0085"));
        Assert.Null(DisplayText.Neutralize(null));
    }

    [Fact]
    public void DescribeUnsafe_NamesThePositionAndKind_NotTheText()
    {
        Assert.Equal("character 4 is U+001B, a control character", DisplayText.DescribeUnsafe("abc\u001Bsecret"));
        Assert.Equal("character 1 is U+202E, a bidirectional formatting character", DisplayText.DescribeUnsafe("\u202Exyz"));
        Assert.Equal("character 2 is U+2028, a line or paragraph separator", DisplayText.DescribeUnsafe("a\u2028"));
    }

    [Theory]
    [MemberData(nameof(UnsafeCharacters))]
    public void ANameWithAnUnsafeCharacter_IsInvalidRecord_WithoutEchoingIt(string unsafeCharacter)
    {
        RecordDraft draft = RecordDraft.FromTemplate("evil" + unsafeCharacter + "name-secret-part", RecordTemplate.Login);

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => RecordValidation.Validate(draft));

        Assert.Contains("the name may not hold control characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("character 5 is U+", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, DisplayText.IndexOfUnsafe(error.Message));
    }

    [Fact]
    public void ALabelWithAnUnsafeCharacter_IsInvalidRecord_NamingTheField()
    {
        RecordDraft draft = RecordDraft.FromTemplate("x", RecordTemplate.Login);
        draft.SetField("Bad\u001B[2JLabel", "v");

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => RecordValidation.Validate(draft));

        Assert.Contains("field 5's label may not hold", error.Message, StringComparison.Ordinal);
        Assert.Contains("character 4 is U+001B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATagWithAnUnsafeCharacter_IsInvalidRecord_NamingTheTag()
    {
        RecordDraft draft = RecordDraft.FromTemplate("x", RecordTemplate.Login);
        draft.Tags.AddRange(["fine", "rtl\u202Etag"]);

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => RecordValidation.Validate(draft));

        Assert.Contains("tag 2 may not hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesAndNotes_MayHoldAnyCharacter()
    {
        RecordDraft draft = RecordDraft.FromTemplate("Server", RecordTemplate.Login);
        draft.SetField("Password", "p\u0000w\u001B\u202Ed");
        draft.SetField("Website", "https://example.com/\u202E");
        draft.Notes = "line one\nline two\ttabbed\u2028";

        RecordContent content = RecordValidation.Validate(draft);

        Assert.Equal("line one\nline two\ttabbed\u2028", content.Notes);
    }

    [Fact]
    public void CheckName_UsedForLookups_StillAcceptsNamesStoredBeforeTheRule()
    {
        RecordValidation.CheckName("legacy\u001Bname");
    }

    [Fact]
    public void ToString_NeutralisesNamesLabelsAndValues()
    {
        Record record = NewRecord("evil\u001B[2Jname", [new RecordField("Url", FieldKind.Url, "https://x/\u202Eexe")], notes: string.Empty);

        Assert.Contains("evil\\x1B[2Jname", record.ToString(), StringComparison.Ordinal);
        Assert.Equal("Url (Url): https://x/\\u202Eexe", record.Fields[0].ToString());
        Assert.Equal(-1, DisplayText.IndexOfUnsafe(record.ToString()));
    }

    [Fact]
    public void Notes_AreLimitedTo65536Characters_WhatASecureStringHolds()
    {
        Assert.Equal(65_536, RecordLimits.MaximumNotesLength);
        Assert.Equal(65_536, RecordLimits.MaximumValueLength);
        RecordDraft draft = RecordDraft.FromTemplate("note", RecordTemplate.SecureNote);
        draft.Notes = new string('n', 65_536);
        Assert.Equal(65_536, RecordValidation.Validate(draft).Notes.Length);

        draft.Notes = new string('n', 65_537);
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => RecordValidation.Validate(draft));
        Assert.Contains("the notes is 65537 characters long; at most 65536 are allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecureStringLimit_RefusesLongNotesFromAnOlderVault_WithAClearError()
    {
        Record record = NewRecord("old\u001Bnote", [], notes: new string('n', 100_000));

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.SecretTooLong, () => SecureStringLimit.EnsureFits(record));

        Assert.Equal(MSecureErrorCategory.InvalidData, error.Category);
        Assert.Contains("The notes of record 'old\\x1Bnote': 100,000 characters, more than", error.Message, StringComparison.Ordinal);
        Assert.Contains("-AsPlainText", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nnnn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecureStringLimit_RefusesALongSecretValue_AndAcceptsWhatFits()
    {
        Record tooLong = NewRecord("x", [new RecordField("Key", FieldKind.Secret, new string('k', 65_537))], notes: string.Empty);
        Record longText = NewRecord("y", [new RecordField("Text", FieldKind.Text, new string('t', 70_000))], notes: new string('n', 65_536));

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.SecretTooLong, () => SecureStringLimit.EnsureFits(tooLong));
        Assert.Contains("The field 'Key' of record 'x'", error.Message, StringComparison.Ordinal);
        SecureStringLimit.EnsureFits(longText);
    }

    private static Record NewRecord(string name, IReadOnlyList<RecordField> fields, string notes) =>
        new(Guid.NewGuid(), 1, new RecordContent(name, RecordTemplate.Login, fields, [], notes, IsFavorite: false), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
