using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Completers;

/// <summary>Completes -Name with the vaults in the per-user vault folder.</summary>
public sealed class VaultNameCompleter : IArgumentCompleter
{
    /// <summary>The vault names that match what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Match(VaultLocations.ListVaultPaths().Select(VaultLocations.NameOf), wordToComplete, "Vault ").ToList();
}
