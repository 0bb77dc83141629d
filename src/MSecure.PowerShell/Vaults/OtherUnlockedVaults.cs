using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Sessions;

namespace MSecure.PowerShell.Vaults;

/// <summary>
/// What to say when a command named no vault, the default vault is locked or missing, and the
/// user has unlocked ANOTHER vault in this process: probably the one they meant. The command
/// never switches to it silently (that could write a record into the wrong vault); the message
/// says how to name it or make it the default.
/// </summary>
internal static class OtherUnlockedVaults
{
    /// <summary>
    /// " The vault 'work' is unlocked in this session: name it with -Vault work, or make it the
    /// default with Set-MSecureDefaultVault work." when <paramref name="vault"/> is the default and
    /// exactly one other vault is unlocked; a shorter hint listing them when several are; else empty.
    /// </summary>
    internal static string Hint(VaultReference vault)
    {
        if (!vault.IsDefault || !VaultSessionsState.Created)
        {
            return string.Empty;
        }

        List<string> others = VaultSessions.Cache.GetEntries()
            .Select(entry => entry.VaultPath)
            .Where(path => !VaultPathComparer.Instance.Equals(path, VaultPathComparer.Normalize(vault.Path)))
            .Select(VaultTarget.ArgumentFor)
            .Order(System.StringComparer.Ordinal)
            .ToList();
        return others.Count switch
        {
            0 => string.Empty,
            1 => $" The vault {Quoted(others[0])} is unlocked in this session: name it with -Vault {others[0]}, or make it the default with Set-MSecureDefaultVault {others[0]}.",
            _ => $" These vaults are unlocked in this session: {string.Join(", ", others)}. Name one with -Vault, or make one the default with Set-MSecureDefaultVault.",
        };
    }

    private static string Quoted(string argument) => argument.StartsWith('\'') ? argument : "'" + argument + "'";
}
