using System;
using MSecure.PowerShell.Secrets;
using Xunit;

namespace MSecure.PowerShell.Tests.Secrets;

public sealed class SecureStringsTests
{
    [Fact]
    public void FromSpan_ThenUse_GivesTheSameCharacters()
    {
        using var secret = SecureStrings.FromSpan("correct horse ☃");

        Assert.True(secret.IsReadOnly());
        Assert.Equal(15, secret.Length);
        Assert.Equal("correct horse ☃", SecureStrings.Use(secret, characters => new string(characters)));
    }

    [Fact]
    public void Use_Empty_GivesAnEmptySpan()
    {
        using var secret = SecureStrings.FromSpan(ReadOnlySpan<char>.Empty);

        Assert.Equal(0, SecureStrings.Use(secret, characters => characters.Length));
    }

    [Fact]
    public void Use_WhenTheCallbackThrows_StillFrees_AndRethrows()
    {
        using var secret = SecureStrings.FromSpan("x");

        Assert.Throws<InvalidOperationException>(() => SecureStrings.Use<int>(secret, _ => throw new InvalidOperationException()));
        Assert.Equal("x", SecureStrings.ToPlainText(secret));
    }

    [Fact]
    public void UsePair_GivesBothSecrets_AndStillFreesWhenTheCallbackThrows()
    {
        using var first = SecureStrings.FromSpan("old password");
        using var second = SecureStrings.FromSpan("new ☃");

        Assert.Equal("old password|new ☃", SecureStrings.Use(first, second, (a, b) => new string(a) + "|" + new string(b)));
        Assert.Throws<InvalidOperationException>(() => SecureStrings.Use<int>(first, second, (_, _) => throw new InvalidOperationException()));
        Assert.Equal("new ☃", SecureStrings.ToPlainText(second));
    }
}
