using MSecure.PowerShell.SecretManagement;
using Xunit;

namespace MSecure.PowerShell.Tests.SecretManagement;

public sealed class SecretValueTextTests
{
    [Fact]
    public void ToString_NamesTheShapeAndNeverTheValue()
    {
        var value = new SecretValue(SecretShape.String, "hunter2-plain-secret");

        Assert.Equal("SecretValue (String)", value.ToString());
        Assert.DoesNotContain("hunter2", value.ToString(), System.StringComparison.Ordinal);
    }
}
