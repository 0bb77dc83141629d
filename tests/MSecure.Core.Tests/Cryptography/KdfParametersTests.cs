using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class KdfParametersTests
{
    [Fact]
    public void Default_IsRfc9106SecondRecommendation()
    {
        // RFC 9106 section 4: "If much less memory is available, ... Argon2id with t=3 iterations,
        // p=4 lanes, m=2^(16) (64 MiB of RAM)".
        Assert.Equal(new KdfParameters(KdfAlgorithm.Argon2idVersion13, 65_536, 3, 4), KdfParameters.Default);
        KdfParameters.Default.EnsureWithinBounds();
    }

    [Fact]
    public void Minimum_IsTheLowestAcceptedCost()
    {
        Assert.Equal(new KdfParameters(KdfAlgorithm.Argon2idVersion13, 19_456, 1, 1), KdfParameters.Minimum);
        KdfParameters.Minimum.EnsureWithinBounds();
    }

    [Theory]
    [InlineData(19_456u, 1u, 1u)]
    [InlineData(2_097_152u, 32u, 16u)]
    [InlineData(65_536u, 3u, 4u)]
    public void EnsureWithinBounds_AcceptsTheBoundaries(uint memoryKiB, uint passes, uint lanes)
    {
        new KdfParameters(KdfAlgorithm.Argon2idVersion13, memoryKiB, passes, lanes).EnsureWithinBounds();
    }

    [Theory]
    [InlineData(19_455u, 1u, 1u, "memory")]
    [InlineData(2_097_153u, 1u, 1u, "memory")]
    [InlineData(4_194_304u, 1u, 1u, "memory")]
    [InlineData(uint.MaxValue, 1u, 1u, "memory")]
    [InlineData(65_536u, 0u, 1u, "passes")]
    [InlineData(65_536u, 33u, 1u, "passes")]
    [InlineData(65_536u, 1u, 0u, "lanes")]
    [InlineData(65_536u, 1u, 17u, "lanes")]
    [InlineData(65_536u, 1u, uint.MaxValue, "lanes")]
    public void EnsureWithinBounds_RejectsOutOfRangeValues(uint memoryKiB, uint passes, uint lanes, string parameter)
    {
        var parameters = new KdfParameters(KdfAlgorithm.Argon2idVersion13, memoryKiB, passes, lanes);

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, parameters.EnsureWithinBounds);
        Assert.Contains(parameter, exception.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KdfAlgorithm.None)]
    [InlineData((KdfAlgorithm)2)]
    public void EnsureWithinBounds_RejectsAnUnknownAlgorithm(KdfAlgorithm algorithm)
    {
        var parameters = KdfParameters.Default with { Algorithm = algorithm };

        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, parameters.EnsureWithinBounds);
    }

    [Fact]
    public void DefaultValue_IsRejected()
    {
        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, default(KdfParameters).EnsureWithinBounds);
    }
}
