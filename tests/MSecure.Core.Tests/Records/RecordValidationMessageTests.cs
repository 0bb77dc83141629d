using System;
using System.Globalization;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Core.Tests.Records;

/// <summary>What RecordValidation names when a draft breaks a rule: the position, never the value.</summary>
public sealed class RecordValidationMessageTests
{
    [Theory]
    [InlineData(3)] // few fields: compared with the earlier ones
    [InlineData(40)] // many fields: compared through a set
    public void ARepeatedLabel_NamesTheFieldThatRepeatsIt_IgnoringCase(int customFields)
    {
        RecordDraft draft = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
        for (int i = 1; i <= customFields; i++)
        {
            draft.Fields.Add(new RecordField("Label " + i.ToString(CultureInfo.InvariantCulture), FieldKind.Text, "value"));
        }

        draft.Fields.Add(new RecordField("LABEL 2", FieldKind.Secret, "secret-value-42"));
        int repeating = draft.Fields.Count;

        string message = Fails(draft);

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"field {repeating} repeats the label of an earlier field"), message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value-42", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistinctLabels_PassOnBothSidesOfTheSetThreshold()
    {
        foreach (int customFields in new[] { 3, 40 })
        {
            RecordDraft draft = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
            for (int i = 1; i <= customFields; i++)
            {
                draft.Fields.Add(new RecordField("Label " + i.ToString(CultureInfo.InvariantCulture), FieldKind.Text, "v"));
            }

            Assert.Equal(draft.Fields.Count, RecordValidation.Validate(draft).Fields.Count);
        }
    }

    [Fact]
    public void EachRule_NamesItsPosition()
    {
        RecordDraft longValue = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
        longValue.Fields.Add(new RecordField("A", FieldKind.Text, "a"));
        longValue.Fields.Add(new RecordField("B", FieldKind.Text, new string('x', RecordLimits.MaximumValueLength + 1)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"field {longValue.Fields.Count}'s value is {RecordLimits.MaximumValueLength + 1} characters long"),
            Fails(longValue), StringComparison.Ordinal);

        RecordDraft controlInLabel = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
        controlInLabel.Fields.Add(new RecordField("bad\u0007label", FieldKind.Text, "v"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"field {controlInLabel.Fields.Count}'s label may not hold control characters"),
            Fails(controlInLabel), StringComparison.Ordinal);

        RecordDraft surrogateNotes = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
        surrogateNotes.Notes = "ok \ud800 not";
        Assert.Contains("the notes is not valid Unicode text (an unpaired surrogate)", Fails(surrogateNotes), StringComparison.Ordinal);

        RecordDraft emptyTag = RecordDraft.FromTemplate("r", RecordTemplate.SecureNote);
        emptyTag.Tags.AddRange(["fine", " "]);
        Assert.Contains("tag 2 is empty or only white space", Fails(emptyTag), StringComparison.Ordinal);

        RecordDraft paired = RecordDraft.FromTemplate("emoji \U0001F600", RecordTemplate.SecureNote);
        paired.Notes = "\U0001F600";
        Assert.Equal("\U0001F600", RecordValidation.Validate(paired).Notes);
    }

    private static string Fails(RecordDraft draft) =>
        Assert.Throws<MSecureException>(() => RecordValidation.Validate(draft)) is { Code: MSecureErrorCode.InvalidRecord } error
            ? error.Message
            : throw new InvalidOperationException("not InvalidRecord");
}
