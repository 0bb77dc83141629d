using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Files;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Writes records of an unlocked vault to a plaintext file (mSecure 6 CSV or Bitwarden JSON), for
/// moving to another manager only. Refuses without -AsPlainText; the file is owner-only from the
/// moment it exists and replaces an existing file only with -Force.
/// </summary>
[Cmdlet(VerbsData.Export, "MSecureRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class ExportMSecureRecordCommand : VaultCommand
{
    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Csv (mSecure 6 CSV, the default) or BitwardenJson. A string, not the engine's enum: a cmdlet's public types must not need MSecure.Core before the module's resolver runs.</summary>
    [Parameter]
    [ValidateSet(nameof(ExportFormat.Csv), nameof(ExportFormat.BitwardenJson), IgnoreCase = true)]
    public string Format { get; set; } = nameof(ExportFormat.Csv);

    /// <summary>Only records of these names; wildcards search. Default: every record.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only records with this tag.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Tag { get; set; }

    /// <summary>Only records of this template.</summary>
    [Parameter]
    [ValidateSet("Login", "CreditCard", "BankAccount", "EmailAccount", "SecureNote", "Identity", "SoftwareLicense", "WirelessRouter", "Membership", "Passport", "DriversLicense", "Insurance", "SocialSecurity", "ServerDatabase", IgnoreCase = true)]
    public string? Template { get; set; }

    /// <summary>Confirms that the file holds every secret in plain text; without it the command refuses.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Refuses a plaintext export that was not asked for explicitly.</summary>
    protected override void BeginProcessing()
    {
        if (!AsPlainText)
        {
            ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.ExportRequiresPlainText, ErrorCategory.SecurityError,
                "Export-MSecureRecord writes every password and secret field in plain text, for moving to another manager only. Add -AsPlainText to confirm; for a backup use Export-MSecureBackup, which is encrypted.",
                Path));
        }
    }

    /// <summary>Exports the selected records of one vault.</summary>
    protected override void ProcessRecord()
    {
        object? target = Path;
        Run(() => target, () =>
        {
            ExportFormat format = Enum.Parse<ExportFormat>(Format, ignoreCase: true);
            string file = GetUnresolvedProviderPathFromPSPath(Path);
            target = file;
            KitFiles.EnsureWritable(file, Force);
            VaultReference vault = ResolveVault();
            if (!ShouldProcess(TerminalText.Of(file), $"Write the selected records of '{TerminalText.VaultNameOf(vault.Path)}' with every secret in plain text ({format})"))
            {
                return;
            }

            using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
            VaultSession session = lease.Session;
            List<Record> records = Select(session, vault.Path);
            try
            {
                PrivateFile.WriteStreamAtomically(file, stream =>
                {
                    using IRecordExportWriter writer = RecordExportWriters.Open(format, stream);
                    foreach (Record record in records)
                    {
                        writer.Write(record);
                    }

                    writer.Complete();
                }, overwrite: Force, () => KitFiles.EnsureWritable(file, Force));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new ModuleException(ModuleErrorIds.FileAccessFailed, ErrorCategory.WriteError,
                    $"The export could not be written to '{TerminalText.Of(file)}': {exception.Message}", exception);
            }

            WriteObject(new FileInfo(file));
        });
    }

    /// <summary>The selected records, each once, in the vault's order; a missing exact name fails before anything is written.</summary>
    private List<Record> Select(VaultSession session, string vaultPath)
    {
        var records = new List<Record>();
        var seen = new HashSet<Guid>();
        foreach ((object _, Func<Record> read) in RecordLookup.Select(session, vaultPath, null, Name, Template, Tag, null))
        {
            Record record = read();
            if (seen.Add(record.Id))
            {
                records.Add(record);
            }
        }

        return records;
    }
}
