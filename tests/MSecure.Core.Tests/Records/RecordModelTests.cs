using System;
using System.Linq;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Core.Tests.Records;

public sealed class RecordModelTests
{
    [Fact]
    public void EveryTemplate_HasUniqueLabels_AndItsCredentialFieldsExist()
    {
        foreach (RecordTemplate template in Enum.GetValues<RecordTemplate>())
        {
            var labels = RecordTemplates.FieldsOf(template).Select(f => f.Label).ToList();
            Assert.Equal(labels.Count, labels.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            if (RecordTemplates.UserNameLabel(template) is { } user)
            {
                Assert.Contains(user, labels);
            }

            if (RecordTemplates.PasswordLabel(template) is { } password)
            {
                Assert.Contains(password, labels);
                Assert.True(RecordTemplates.FieldsOf(template).Single(f => f.Label == password).Kind is FieldKind.Secret);
            }
        }
    }

    [Fact]
    public void TheLoginTemplate_IsAsDocumented()
    {
        Assert.Equal(
            new[] { new FieldDefinition("Username", FieldKind.Text), new FieldDefinition("Password", FieldKind.Secret), new FieldDefinition("Website", FieldKind.Url), new FieldDefinition("OneTimePassword", FieldKind.OneTimePasswordSeed) },
            RecordTemplates.FieldsOf(RecordTemplate.Login));
        Assert.Equal("Username", RecordTemplates.UserNameLabel(RecordTemplate.Login));
        Assert.Equal("Password", RecordTemplates.PasswordLabel(RecordTemplate.Login));
        Assert.Null(RecordTemplates.UserNameLabel(RecordTemplate.SecureNote));
        Assert.Null(RecordTemplates.PasswordLabel(RecordTemplate.SecureNote));
        Assert.Empty(RecordTemplates.FieldsOf(RecordTemplate.SecureNote));
    }

    [Fact]
    public void FromTemplate_HasTheTemplateFieldsEmpty()
    {
        RecordDraft draft = RecordDraft.FromTemplate("Card", RecordTemplate.CreditCard);

        Assert.Equal("Card", draft.Name);
        Assert.Equal(RecordTemplates.FieldsOf(RecordTemplate.CreditCard).Select(f => f.Label), draft.Fields.Select(f => f.Label));
        Assert.All(draft.Fields, field => Assert.Equal(string.Empty, field.Value));
    }

    [Fact]
    public void SetField_ReplacesByLabelIgnoringCase_OrAddsWithTheRightKind()
    {
        RecordDraft draft = RecordDraft.FromTemplate("x", RecordTemplate.Login);

        draft.SetField("password", "pw");
        draft.SetField("Pin", "1234", FieldKind.Pin);
        draft.SetField("Comment", "hello");
        draft.SetField("COMMENT", "replaced");

        Assert.Equal(new RecordField("Password", FieldKind.Secret, "pw"), draft.Fields.Single(f => f.Label == "Password"));
        Assert.Equal(FieldKind.Pin, draft.Fields.Single(f => f.Label == "Pin").Kind);
        Assert.Equal(new RecordField("Comment", FieldKind.Text, "replaced"), draft.Fields.Single(f => f.Label == "Comment"));
        Assert.Equal(6, draft.Fields.Count);
        Assert.True(draft.RemoveField("comment"));
        Assert.False(draft.RemoveField("comment"));
    }

    [Fact]
    public void SetField_OnAnotherTemplate_TakesThatTemplatesKind()
    {
        var draft = new RecordDraft { Name = "db", Template = RecordTemplate.ServerDatabase };

        draft.SetField("ConnectionString", "Server=x;Password=y");

        Assert.Equal(FieldKind.Secret, draft.Fields.Single().Kind);
    }

    [Theory]
    [InlineData(FieldKind.Secret, true)]
    [InlineData(FieldKind.Pin, true)]
    [InlineData(FieldKind.OneTimePasswordSeed, true)]
    [InlineData(FieldKind.Text, false)]
    [InlineData(FieldKind.Note, false)]
    [InlineData(FieldKind.Url, false)]
    public void RecordField_ToString_NeverShowsASecretValue(FieldKind kind, bool secret)
    {
        var field = new RecordField("Label", kind, "the-value-123");

        Assert.Equal(secret, field.IsSecret);
        Assert.Equal(!secret, field.ToString().Contains("the-value-123", StringComparison.Ordinal));
        Assert.Contains("Label", field.ToString(), StringComparison.Ordinal);
    }
}
