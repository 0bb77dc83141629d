using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MSecure.PowerShell.Completers;

/// <summary>Completes a folder parameter (Sync-MSecureVault -Folder, Connect-MSecureAccount -Folder) with folders only, as PowerShell completes paths.</summary>
public sealed class FolderPathCompleter : IArgumentCompleter
{
    /// <summary>The folders whose path starts with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            return CompletionCompleters.CompleteFilename(wordToComplete ?? string.Empty)
                .Where(result => result.ResultType == CompletionResultType.ProviderContainer)
                .ToList();
        }
        catch (PSInvalidOperationException)
        {
            return [];
        }
    }
}
