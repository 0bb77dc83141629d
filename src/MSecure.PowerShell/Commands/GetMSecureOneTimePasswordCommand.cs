using System;
using System.Management.Automation;
using MSecure.Core.Masking;
using MSecure.Core.OneTime;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Gets the current one-time password (TOTP code) of a record that holds a seed.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureOneTimePassword", DefaultParameterSetName = RecordParameterSets.Name)]
[OutputType(typeof(MSecureOneTimePassword))]
public sealed class GetMSecureOneTimePasswordCommand : VaultCommand
{
    /// <summary>The record's exact name.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The record's id.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Id, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid Id { get; set; }

    /// <summary>The label of the field holding the seed. Default: the record's first non-empty one-time password field.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Field { get; set; }

    /// <summary>The code as a String instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>
    /// Registers the code with this CI system's log masking before writing it: GitHubActions
    /// (::add-mask::), AzurePipelines (##vso[task.setsecret]) or None. Default: detected from
    /// GITHUB_ACTIONS / TF_BUILD.
    /// </summary>
    [Parameter]
    [ValidateSet(RecordMasking.GitHubActions, RecordMasking.AzurePipelines, RecordMasking.None, IgnoreCase = true)]
    public string? MaskFor { get; set; }

    /// <summary>Writes the code of one record.</summary>
    protected override void ProcessRecord() => Run(() => Name ?? (object)Id, () =>
    {
        VaultReference vault = ResolveVault();
        using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
        Record record = RecordLookup.Find(lease.Session, Name, ParameterSetName == RecordParameterSets.Id ? Id : null, vault.Path);
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(OneTimePasswordFields.SeedOf(record, Field), record.Name);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        OneTimePasswordCode code = OneTimePasswordGenerator.Compute(seed, now);
        SecretLogMask mask = RecordMasking.For(MaskFor);
        mask.Mask(code.Code);
        object shown = AsPlainText ? code.Code : SecureStrings.FromSpan(code.Code);
        WriteObject(new MSecureOneTimePassword(record.Id, record.Name, shown, code.RemainingSecondsAt(now), code.ValidUntil, code.Period, code.Digits,
            code.Algorithm.ToString().ToUpperInvariant(), seed.Issuer, seed.Account, vault.Path, VaultLocations.NameOf(vault.Path)));
    });
}
