using MSecure.Core.Errors;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Core.Tests.Records;

/// <summary>Semantics of PowerShell's WildcardPattern with IgnoreCase (System.Management.Automation, regex.cs).</summary>
public sealed class WildcardMatcherTests
{
    [Theory]
    // Literals, whole-string, ignoring case.
    [InlineData("github", "GitHub", true)]
    [InlineData("github", "GitHub2", false)]
    [InlineData("github", "my github", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    // Star: any run, including none.
    [InlineData("*", "", true)]
    [InlineData("*", "anything at all", true)]
    [InlineData("git*", "Git", true)]
    [InlineData("git*", "GitLab", true)]
    [InlineData("*lab", "GitLab", true)]
    [InlineData("*42*", "record 1423", true)]
    [InlineData("*42*", "record 4-2", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("a**b", "ab", true)]
    [InlineData("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    // Question mark: exactly one.
    [InlineData("g?t", "git", true)]
    [InlineData("g?t", "gt", false)]
    [InlineData("g?t", "gitt", false)]
    [InlineData("??", "ab", true)]
    // Brackets: sets and ranges, ignoring case.
    [InlineData("[abc]x", "bx", true)]
    [InlineData("[abc]x", "dx", false)]
    [InlineData("[abc]x", "BX", true)]
    [InlineData("[a-c]1", "B1", true)]
    [InlineData("[A-C]1", "b1", true)]
    [InlineData("[a-c]1", "d1", false)]
    [InlineData("[a-cx-z]", "y", true)]
    [InlineData("[0-9][0-9]", "42", true)]
    [InlineData("[0-9][0-9]", "4a", false)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[]]", "]", true)]
    [InlineData("[]a]", "a", true)]
    [InlineData("[*?]", "*", true)]
    [InlineData("[*?]", "x", false)]
    // Backtick escapes, outside and inside brackets.
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "aXb", false)]
    [InlineData("a`?", "a?", true)]
    [InlineData("a`?", "ab", false)]
    [InlineData("`[x`]", "[x]", true)]
    [InlineData("``", "`", true)]
    [InlineData("a`", "a`", true)]
    [InlineData("`", "", true)]
    [InlineData("`a", "a", true)]
    [InlineData("[a`-c]", "b", false)]
    [InlineData("[a`-c]", "-", true)]
    [InlineData("[`]]", "]", true)]
    // A closing bracket outside brackets is literal.
    [InlineData("a]", "a]", true)]
    public void IsMatch(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, WildcardMatcher.Parse(pattern).IsMatch(text));
    }

    [Theory]
    [InlineData("[abc")]
    [InlineData("a[")]
    [InlineData("[]")]
    [InlineData("[z-a]")]
    public void InvalidPatterns_AreInvalidArgument(string pattern)
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => WildcardMatcher.Parse(pattern));
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("a*", true)]
    [InlineData("a?", true)]
    [InlineData("[a]", true)]
    [InlineData("a`*", false)]
    [InlineData("a]", false)]
    [InlineData("", false)]
    public void ContainsWildcardCharacters(string pattern, bool expected)
    {
        Assert.Equal(expected, WildcardMatcher.ContainsWildcardCharacters(pattern));
    }

    [Theory]
    [InlineData("Bank [main] *2*?`")]
    [InlineData("plain")]
    public void Escape_MakesATextMatchOnlyItself(string text)
    {
        WildcardMatcher matcher = WildcardMatcher.Parse(WildcardMatcher.Escape(text));

        Assert.True(matcher.IsMatch(text));
        Assert.True(matcher.IsMatch(text.ToUpperInvariant()));
        Assert.False(matcher.IsMatch(text + "x"));
    }

    [Fact]
    public void NonAsciiLetters_MatchIgnoringCase()
    {
        Assert.True(WildcardMatcher.Parse("café*").IsMatch("CAFÉ CRÈME"));
        Assert.True(WildcardMatcher.Parse("[à-ý]").IsMatch("É"));
    }
}
