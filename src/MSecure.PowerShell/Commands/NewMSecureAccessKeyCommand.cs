using System;
using System.Management.Automation;
using MSecure.Core.Access;
using MSecure.PowerShell.Access;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Creates a read-only access key for the records of the unlocked vault that carry a tag, and
/// writes it with its token, shown this once (a SecureString unless -AsPlainText).
/// </summary>
[Cmdlet(VerbsCommon.New, "MSecureAccessKey", SupportsShouldProcess = true)]
[OutputType(typeof(MSecureAccessKey))]
public sealed class NewMSecureAccessKeyCommand : AccountCommand
{
    /// <summary>The key's name, unique in the vault (for example the pipeline's name).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The tag whose records the key reads.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Tag { get; set; } = string.Empty;

    /// <summary>How long the key works (default: until revoked).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TimeSpan Expires { get; set; }

    /// <summary>Writes the token as a String instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Creates one key.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        if (!ShouldProcess($"vault '{TerminalText.VaultNameOf(path)}'", $"Create access key '{TerminalText.Of(Name)}' for the records tagged '{TerminalText.Of(Tag)}'"))
        {
            return;
        }

        using AccessKeyIssue issue = session.CreateAccessKey(Name, Tag, MyInvocation.BoundParameters.ContainsKey(nameof(Expires)) ? Expires : null);
        if (!issue.GrantsUploaded)
        {
            WriteWarning("The account server did not take the key's records now; the next Sync-MSecureVault uploads them.");
        }

        object token = AsPlainText ? new string(issue.Token) : SecureStrings.FromSpan(issue.Token, "The access key token");
        WriteObject(AccessKeyOutput.From(issue.Info, path, token));
    }, () => Name);
}
