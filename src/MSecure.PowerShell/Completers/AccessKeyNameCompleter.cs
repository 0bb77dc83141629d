using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MSecure.PowerShell.Completers;

/// <summary>Completes access key names from the unlocked session of the command's vault (nothing when it is locked).</summary>
public sealed class AccessKeyNameCompleter : IArgumentCompleter
{
    /// <summary>The access key names that match what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        UnlockedVaultCompletion.Complete(fakeBoundParameters, wordToComplete, "Access key ", session => session.GetAccessKeys().Select(key => key.Name));
}
