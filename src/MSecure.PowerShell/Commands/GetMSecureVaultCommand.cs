using System.Management.Automation;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Lists vaults (by name, with wildcards, in the per-user folder) or describes a vault file.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Name)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class GetMSecureVaultCommand : MSecureCommand
{
    /// <summary>Vault names; wildcards allowed. Default: every vault.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Name, Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Vault file paths.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Path, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Writes the matching vaults.</summary>
    protected override void ProcessRecord()
    {
        if (Path is not null)
        {
            foreach (string path in Path)
            {
                Write(VaultTarget.Resolve(this, null, path));
            }

            return;
        }

        foreach (string name in Name ?? ["*"])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name))
            {
                Write(name);
                continue;
            }

            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            foreach (string path in VaultLocations.ListVaultPaths())
            {
                if (pattern.IsMatch(VaultLocations.NameOf(path)))
                {
                    Write(path);
                }
            }
        }
    }

    private void Write(string nameOrPath) =>
        Run(() => nameOrPath, () => WriteObject(VaultInfoOutput.Read(VaultLocations.Resolve(nameOrPath))));
}
