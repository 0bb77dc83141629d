using System.Collections.Generic;
using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Locks a vault, or every vault, wiping its keys from memory; destroys the session file of this
/// process's MSECURE_SESSION token for it, and with -AllSessions every session file of the vault.
/// </summary>
[Cmdlet(VerbsCommon.Lock, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Vault, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class LockMSecureVaultCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Vault, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Locks every unlocked vault.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.All, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>Also destroys every session token of the vault (every session file), whichever process holds it.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Vault)]
    public SwitchParameter AllSessions { get; set; }

    /// <summary>Locks one vault, or all.</summary>
    protected override void ProcessRecord()
    {
        if (All)
        {
            if (ShouldProcess("all unlocked vaults", "Lock"))
            {
                IReadOnlyList<SessionCacheEntry> unlocked = VaultSessions.Cache.GetEntries();
                WriteVerbose($"Locked {VaultSessions.Cache.LockAll()} vault(s).");
                foreach (SessionCacheEntry entry in unlocked)
                {
                    Run(() => entry.VaultPath, () => RevokeOwnToken(entry.VaultPath));
                }
            }

            return;
        }

        Run(() => Vault, () =>
        {
            string path = VaultTarget.Resolve(this, Vault).Path;
            string shown = TerminalText.Of(path);
            if (ShouldProcess(shown, "Lock vault"))
            {
                WriteVerbose(VaultSessions.Cache.Lock(path) ? $"Locked '{shown}'." : $"'{shown}' was not unlocked.");
                RevokeOwnToken(path);
            }

            if (AllSessions && ShouldProcess(shown, "Destroy every session token of the vault"))
            {
                WriteVerbose($"Destroyed {SessionHandOff.RevokeAll(path)} session token(s) of '{shown}'.");
            }
        });
    }

    private void RevokeOwnToken(string path)
    {
        if (SessionTokens.RevokeFromEnvironment(path))
        {
            WriteVerbose($"Destroyed the session of {SessionHandOff.EnvironmentVariable} for '{TerminalText.Of(path)}': the token no longer opens it.");
        }
    }
}
