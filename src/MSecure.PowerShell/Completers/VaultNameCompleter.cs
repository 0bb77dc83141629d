using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MSecure.Core.Errors;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Completers;

/// <summary>
/// Completes -Vault with the names of the vaults in the per-user vault folder. For a word that
/// is already a path (it holds a directory separator, or starts with '.' or '~') it returns null,
/// which makes PowerShell complete it as a file path (an empty list would offer nothing).
/// </summary>
public sealed class VaultNameCompleter : IArgumentCompleter
{
    /// <summary>The vault names that match what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        if (word.StartsWith('.') || word.StartsWith('~') || VaultLocations.IsPath(word))
        {
            return null!;
        }

        try
        {
            return CompletionResults.Match(VaultLocations.ListVaultPaths().Select(VaultLocations.NameOf).Where(VaultLocations.IsValidName), word, "Vault ").ToList();
        }
        catch (MSecureException)
        {
            return [];
        }
    }
}
