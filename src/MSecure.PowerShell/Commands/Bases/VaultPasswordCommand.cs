using System.Management.Automation;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that opens the -Vault vault with its password (-Password, -Credential, -PasswordFile, MSECURE_PASSWORD or a prompt).</summary>
public abstract class VaultPasswordCommand : PasswordCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }
}
