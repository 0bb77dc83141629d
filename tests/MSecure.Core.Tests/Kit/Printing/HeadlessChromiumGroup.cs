using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>Tests that start Chromium run one at a time: a browser per core is already a lot on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class HeadlessChromiumGroup
{
    public const string Name = "Headless Chromium";
}
