using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MSecure.Core.Vault;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Completers;

/// <summary>
/// Completes record names from the unlocked session of the vault in the command's -Vault (or the
/// default vault), resolved as the command would resolve it. Completes nothing when that vault is
/// locked: completion never unlocks.
/// </summary>
public sealed class RecordNameCompleter : IArgumentCompleter
{
    /// <summary>The record names that match what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        UnlockedVaultCompletion.Complete(fakeBoundParameters, wordToComplete, "Record ",
            session => session.Search(new RecordQuery()).Select(summary => summary.Name));
}

/// <summary>Completion from the unlocked session of the command's vault: nothing when it is locked (completion never unlocks).</summary>
internal static class UnlockedVaultCompletion
{
    /// <summary>The names <paramref name="names"/> reads from the session that match <paramref name="wordToComplete"/>.</summary>
    internal static IEnumerable<CompletionResult> Complete(IDictionary? fakeBoundParameters, string wordToComplete, string toolTipPrefix,
        Func<VaultSession, IEnumerable<string>> names)
    {
        if (!VaultSessionsState.Created)
        {
            return [];
        }

        try
        {
            PathIntrinsics? paths = CurrentPaths();
            if (paths is null)
            {
                return [];
            }

            string path = VaultTarget.Resolve(paths, fakeBoundParameters?["Vault"] as string).Path;
            // A lease, so the vault cannot time out while its names are read.
            using SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(path);
            if (lease is null)
            {
                return [];
            }

            return CompletionResults.Match(names(lease.Session), wordToComplete, toolTipPrefix).ToList();
        }
        catch (MSecureException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
        catch (Errors.ModuleException)
        {
            return [];
        }
    }

    /// <summary>
    /// The current location's path resolution. A completer runs inside the pipeline that asked for
    /// completion, where the runspace's SessionStateProxy is unavailable; a script block run in
    /// the same runspace reaches the session state (so -Vault paths resolve against $PWD, as the
    /// command itself will resolve them).
    /// </summary>
    private static PathIntrinsics? CurrentPaths()
    {
        try
        {
            Collection<PSObject> result = ScriptBlock.Create("$ExecutionContext.SessionState.Path").Invoke();
            return result.Count == 1 ? result[0]?.BaseObject as PathIntrinsics : null;
        }
        catch (RuntimeException)
        {
            return null;
        }
    }
}
