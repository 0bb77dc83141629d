using System.Management.Automation;
using MSecure.Core.Access;
using MSecure.PowerShell.Access;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Commands;

/// <summary>Lists the read-only access keys of the unlocked vault (never a token).</summary>
[Cmdlet(VerbsCommon.Get, "MSecureAccessKey")]
[OutputType(typeof(MSecureAccessKey))]
public sealed class GetMSecureAccessKeyCommand : AccountCommand
{
    /// <summary>Key names; wildcards allowed. Default: every key.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AccessKeyNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Writes the matching keys.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        WildcardPattern[] patterns = System.Array.ConvertAll(Name ?? ["*"], name => new WildcardPattern(name, WildcardOptions.IgnoreCase));
        foreach (AccessKeyInfo key in session.GetAccessKeys())
        {
            if (System.Array.Exists(patterns, pattern => pattern.IsMatch(key.Name)))
            {
                WriteObject(AccessKeyOutput.From(key, path));
            }
        }
    });
}
