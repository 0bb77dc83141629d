using System;
using System.IO;
using System.Management.Automation;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Chooses the vault that commands use when they name none, for this user, persistently.</summary>
[Cmdlet(VerbsCommon.Set, "MSecureDefaultVault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class SetMSecureDefaultVaultCommand : MSecureCommand
{
    /// <summary>The vault's name or path.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Vault { get; set; } = string.Empty;

    /// <summary>Stores the choice.</summary>
    protected override void ProcessRecord() => Run(() => Vault, () =>
    {
        string path = VaultTarget.PathOf(SessionState.Path, Vault);
        string stored = VaultLocations.NameInDefaultDirectory(path) ?? path;
        if (!ShouldProcess(TerminalText.Of(stored), "Set the default vault"))
        {
            return;
        }

        DefaultVaultSetting.Write(stored);
        WriteVerbose($"The default vault is '{TerminalText.Of(stored)}' (stored in '{VaultLocations.SettingsPath}').");
        if (!File.Exists(path))
        {
            WriteWarning($"No vault exists at '{TerminalText.Of(path)}' yet: commands that name no vault fail with VaultNotFound until it is created (New-MSecureVault).");
        }

        if (Environment.GetEnvironmentVariable(DefaultVault.EnvironmentVariable) is { Length: > 0 } overriding)
        {
            WriteWarning($"{DefaultVault.EnvironmentVariable} is set to '{TerminalText.Of(overriding)}' in this process: it takes precedence over this setting until it is removed.");
        }
    });
}
