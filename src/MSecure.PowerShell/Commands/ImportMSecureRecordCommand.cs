using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using MSecure.Core.Sessions;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Imports;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Imports the records of another password manager's export (mSecure, Bitwarden, 1Password, KeePass,
/// KeePassXC) into the unlocked vault, all in one transaction: every entry or, when any cannot be read
/// or stored, none. -WhatIf writes nothing and outputs the dry-run report.
/// </summary>
[Cmdlet(VerbsData.Import, "MSecureRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureImportReport))]
public sealed class ImportMSecureRecordCommand : MSecureCommand, IDisposable
{
    private const int ProgressId = 10;

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The file to import (never written or changed).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "LiteralPath")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The file's format; Auto recognises it from its content.</summary>
    [Parameter]
    [ValidateSet("Auto", "MSecureCsv", "BitwardenJson", "BitwardenCsv", "OnePasswordCsv", "OnePassword1Pux", "KeePassXml", "KeePassXcCsv", IgnoreCase = true)]
    public string Format { get; set; } = "Auto";

    /// <summary>What to do with an entry that duplicates a record (same name, user name and web address): Skip, Merge or Keep.</summary>
    [Parameter]
    [ValidateSet("Skip", "Merge", "Keep", IgnoreCase = true)]
    public string OnDuplicate { get; set; } = "Skip";

    /// <summary>Tags added to every imported (or merged) record.</summary>
    [Parameter]
    [ValidateNotNull]
    public string[]? Tag { get; set; }

    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Imports one file.</summary>
    protected override void ProcessRecord() => Run(() => Path, Import);

    /// <summary>Cancels the import in progress: nothing is written.</summary>
    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Frees the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    private void Import()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Path);
        if (!File.Exists(path))
        {
            throw new ModuleException(ModuleErrorIds.ImportFileNotFound, ErrorCategory.ObjectNotFound,
                $"The import file '{TerminalText.Of(path)}' does not exist.");
        }

        VaultReference vault = VaultTarget.Resolve(this, Vault);
        using SessionLease<VaultSession> lease = AccessKeyRecords.Writable(vault);
        string description = $"Import the records of '{TerminalText.Of(path)}' into the vault '{TerminalText.VaultNameOf(vault.Path)}'";
        bool dryRun = false;
        if (!ShouldProcess(description, description + "?", "Import-MSecureRecord", out ShouldProcessReason reason))
        {
            if (reason != ShouldProcessReason.WhatIf)
            {
                return;
            }

            dryRun = true;
        }

        var progress = new ImportProgressWriter(this, ProgressId, "Import-MSecureRecord");
        var options = new ImportOptions
        {
            OnDuplicate = Enum.Parse<ImportDuplicatePolicy>(OnDuplicate, ignoreCase: true),
            Tags = Tag ?? [],
            DryRun = dryRun,
            Progress = progress.Report,
        };
        ImportReport report;
        try
        {
            report = lease.Session.ImportFile(path, Enum.Parse<ImportFormat>(Format, ignoreCase: true), options, _cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            progress.Complete();
        }

        WriteObject(ImportOutput.From(report, vault.Path));
    }
}
