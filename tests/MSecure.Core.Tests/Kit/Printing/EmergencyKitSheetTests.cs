using System;
using MSecure.Core.Kit.Printing;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

public class EmergencyKitSheetTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 31, 9, 30, 5, TimeSpan.FromHours(1));

    [Fact]
    public void Keeps_its_values()
    {
        string kit = FakeKit.Typical();
        var sheet = new EmergencyKitSheet(kit, "ada@example.org", TestValues.AccountId, CreatedAt);

        Assert.Equal(kit, sheet.KitText);
        Assert.Equal("ada@example.org", sheet.Email);
        Assert.Equal(TestValues.AccountId, sheet.AccountId);
        Assert.Equal(CreatedAt, sheet.CreatedAt);
        Assert.Equal("2026-01-31T09:30:05+01:00", sheet.CreatedAtIso8601);
    }

    [Fact]
    public void Accepts_every_QR_alphanumeric_character()
    {
        var sheet = new EmergencyKitSheet(FakeKit.AllAlphanumeric, "a@b", Guid.Empty, CreatedAt);
        Assert.Equal(FakeKit.AllAlphanumeric, sheet.KitText);
    }

    [Theory]
    [InlineData("MSK-ABCDE-fghij-KLMNO")] // lower case
    [InlineData("MSK-ABCDE-FGHIJ_KLMNO")] // underscore
    [InlineData("MSK-ABCDE-FGHIJ;KLMNO")] // semicolon is not in the QR table
    [InlineData("MSK-ABCDE-FGHIJ\nKLMNO")]
    [InlineData("MSK-ABCDE-FGHIJ-KLMNÖ")]
    [InlineData("MSK-ABCDE-FGHIJ-KLMN\u00A0")]
    public void Refuses_text_that_is_not_QR_alphanumeric_without_echoing_it(string kitText)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmergencyKitSheet(kitText, "a@b", Guid.Empty, CreatedAt));

        Assert.Equal("kitText", error.ParamName);
        Assert.DoesNotContain("ABCDE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KLMN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MSK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_position_of_the_wrong_character()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmergencyKitSheet("MSK-ABCDE-FGhIJ", "a@b", Guid.Empty, CreatedAt));
        Assert.Contains("position 13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_missing_or_empty_values()
    {
        Assert.Throws<ArgumentNullException>(() => new EmergencyKitSheet(null!, "a@b", Guid.Empty, CreatedAt));
        Assert.Throws<ArgumentException>(() => new EmergencyKitSheet("", "a@b", Guid.Empty, CreatedAt));
        Assert.Throws<ArgumentNullException>(() => new EmergencyKitSheet("MSK", null!, Guid.Empty, CreatedAt));
        Assert.Throws<ArgumentException>(() => new EmergencyKitSheet("MSK", "  ", Guid.Empty, CreatedAt));
    }

    [Fact]
    public void ToString_leaves_the_kit_text_out()
    {
        string kit = FakeKit.Typical();
        var sheet = new EmergencyKitSheet(kit, "ada@example.org", TestValues.AccountId, CreatedAt);

        string shown = sheet.ToString();

        Assert.Contains("ada@example.org", shown, StringComparison.Ordinal);
        Assert.Contains(TestValues.AccountId.ToString(), shown, StringComparison.Ordinal);
        Assert.DoesNotContain(kit[4..9], shown, StringComparison.Ordinal);
        Assert.DoesNotContain("MSK", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_equal_by_value()
    {
        string kit = FakeKit.Typical();
        Assert.Equal(
            new EmergencyKitSheet(kit, "a@b", TestValues.AccountId, CreatedAt),
            new EmergencyKitSheet(kit, "a@b", TestValues.AccountId, CreatedAt));
    }
}
