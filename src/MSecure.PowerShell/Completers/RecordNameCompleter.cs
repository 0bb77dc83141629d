using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Completers;

/// <summary>
/// Completes record names from the unlocked session of the vault in the command's -Vault (or the
/// default vault). Completes nothing when that vault is locked: completion never unlocks.
/// </summary>
public sealed class RecordNameCompleter : IArgumentCompleter
{
    /// <summary>The record names that match what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (!VaultSessionsState.Created)
        {
            return [];
        }

        try
        {
            string path = VaultLocations.Resolve(fakeBoundParameters?["Vault"] as string);
            // A lease, so the vault cannot time out while its names are read.
            using SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(path);
            if (lease is null)
            {
                return [];
            }

            IEnumerable<string> names = lease.Session.Search(new RecordQuery()).Select(summary => summary.Name);
            return CompletionResults.Match(names, wordToComplete, "Record ").ToList();
        }
        catch (MSecureException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
