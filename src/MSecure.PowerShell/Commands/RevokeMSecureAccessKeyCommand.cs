using System;
using System.Linq;
using System.Management.Automation;
using MSecure.Core.Access;
using MSecure.Core.Errors;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Formatting;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Revokes a read-only access key: the account server refuses it from the next request on, and the
/// vault forgets its secret, so no later change is ever sealed for it.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "MSecureAccessKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = IdSet)]
[OutputType(typeof(void))]
public sealed class RevokeMSecureAccessKeyCommand : AccountCommand
{
    private const string IdSet = "Id";
    private const string NameSet = "Name";

    /// <summary>The key's id (as Get-MSecureAccessKey writes it).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid Id { get; set; }

    /// <summary>The key's exact name.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AccessKeyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Revokes one key.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        AccessKeyInfo key = ParameterSetName == NameSet
            ? session.GetAccessKeys().FirstOrDefault(candidate => string.Equals(candidate.Name, Name, StringComparison.OrdinalIgnoreCase))
                ?? throw MSecureErrors.AccessKeyNotFound(TerminalText.Of(Name))
            : session.GetAccessKeys().FirstOrDefault(candidate => candidate.Id == Id) ?? throw MSecureErrors.AccessKeyNotFound(Id.ToString("D"));
        if (ShouldProcess($"access key '{TerminalText.Of(key.Name)}' ({key.Id}) of vault '{TerminalText.VaultNameOf(path)}'", "Revoke access key"))
        {
            session.RevokeAccessKey(key.Id);
        }
    }, () => ParameterSetName == NameSet ? Name : Id);
}
