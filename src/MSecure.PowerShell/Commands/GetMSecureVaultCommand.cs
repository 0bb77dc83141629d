using System.Collections.Generic;
using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Lists vaults (by name, with wildcards, in the per-user folder, or by path) and says which is the default and which are unlocked.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureVault")]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class GetMSecureVaultCommand : MSecureCommand
{
    private string? _defaultPath;

    /// <summary>Vault names or paths; wildcards allowed. Default: every vault of the folder, and the default vault.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Vault { get; set; }

    /// <summary>Finds the default vault once, to mark it.</summary>
    protected override void BeginProcessing() => _defaultPath = VaultTarget.DefaultPathForDisplay(this, WriteWarning);

    /// <summary>Writes the matching vaults.</summary>
    protected override void ProcessRecord()
    {
        if (Vault is null)
        {
            WriteAll();
            return;
        }

        foreach (string value in Vault)
        {
            Run(() => value, () =>
            {
                foreach (string path in Match(value))
                {
                    Write(path);
                }
            });
        }
    }

    /// <summary>Every vault of the per-user folder, and the default vault when it lives elsewhere.</summary>
    private void WriteAll()
    {
        var written = new HashSet<string>(VaultPathComparer.Instance);
        foreach (string path in VaultLocations.ListVaultPaths())
        {
            written.Add(path);
            Write(path);
        }

        if (_defaultPath is not null && !written.Contains(_defaultPath) && System.IO.File.Exists(_defaultPath))
        {
            Write(_defaultPath);
        }
    }

    /// <summary>The vault files <paramref name="value"/> stands for: a path or a name, each with or without wildcards.</summary>
    private IEnumerable<string> Match(string value)
    {
        bool wildcard = WildcardPattern.ContainsWildcardCharacters(value);
        if (VaultLocations.IsPath(value))
        {
            return wildcard ? ResolveWildcardPath(value) : [VaultTarget.PathOf(SessionState.Path, value)];
        }

        if (!wildcard)
        {
            return [VaultLocations.PathOfName(value)];
        }

        var pattern = WildcardPattern.Get(value, WildcardOptions.IgnoreCase);
        var matches = new List<string>();
        foreach (string path in VaultLocations.ListVaultPaths())
        {
            if (pattern.IsMatch(VaultLocations.NameOf(path)))
            {
                matches.Add(path);
            }
        }

        return matches;
    }

    /// <summary>The files a wildcard path matches, through the FileSystem provider; none when nothing matches.</summary>
    private IEnumerable<string> ResolveWildcardPath(string value)
    {
        try
        {
            IEnumerable<string> paths = GetResolvedProviderPathFromPSPath(value, out ProviderInfo provider);
            return provider.Name == "FileSystem" ? paths : [VaultTarget.PathOf(SessionState.Path, value)];
        }
        catch (ItemNotFoundException)
        {
            return [];
        }
    }

    private void Write(string path) =>
        Run(() => path, () => WriteObject(VaultInfoOutput.Read(path, _defaultPath)));
}
