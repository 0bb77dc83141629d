using System;
using System.Linq;
using MSecure.Core.Records;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Tests.Help;
using Xunit;

namespace MSecure.PowerShell.Tests.Records;

/// <summary>The -Template parameters are strings (no MSecure.Core type on a cmdlet) that must list exactly the engine's templates.</summary>
public sealed class TemplateParameterTests
{
    [Fact]
    public void EveryTemplateParameter_OffersExactlyTheEnginesTemplates_InOrder()
    {
        var templateParameters = CmdletMetadata.Read(RepositoryPaths.ModuleAssembly)
            .SelectMany(cmdlet => cmdlet.Parameters.Where(p => p.Name == "Template").Select(p => (cmdlet.Name, p.ValidValues)))
            .ToArray();

        Assert.Contains(templateParameters, t => t.Name == "New-MSecureRecord");
        Assert.Contains(templateParameters, t => t.Name == "Get-MSecureRecord");
        Assert.All(templateParameters, t => Assert.Equal(Enum.GetNames<RecordTemplate>(), t.ValidValues));
    }

    [Fact]
    public void Parse_ReadsEveryName_IgnoringCase()
    {
        foreach (RecordTemplate template in Enum.GetValues<RecordTemplate>())
        {
            Assert.Equal(template, RecordTemplateNames.Parse(template.ToString().ToUpperInvariant()));
        }

        Assert.Null(RecordTemplateNames.ParseOptional(null));
    }
}
