using System.Linq;
using MSecure.PowerShell.Tests.Help;
using Xunit;

namespace MSecure.PowerShell.Tests.Loading;

public sealed class ExportedTypeRulesTests
{
    [Fact]
    public void NoPublicTypeOfTheModule_HasAFieldOrBaseTypeFromMSecureCore()
    {
        // PowerShell loads the module's public types while importing it, before the module
        // initializer routes MSecure.Core to its private load context: a public type whose
        // field (a parameter's backing field) or base type is a MSecure.Core type fails the import.
        var offending = CmdletMetadata.PublicTypeFields(RepositoryPaths.ModuleAssembly)
            .Where(f => f.FieldType.Contains("[MSecure.Core]", System.StringComparison.Ordinal))
            .Select(f => $"{f.Type}.{f.Field}: {f.FieldType}")
            .ToArray();

        Assert.True(offending.Length == 0, "Public types reference MSecure.Core in fields: " + string.Join("; ", offending));
    }
}
