using System.IO;
using System.Management.Automation;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Writes an unlocked vault's emergency kit: its text or terminal QR code to the pipeline, or a file.</summary>
[Cmdlet(VerbsData.Export, "MSecureEmergencyKit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportMSecureEmergencyKitCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Text, Terminal, Png, Svg or Html; default: by the -Path extension, else Text.</summary>
    [Parameter]
    [ValidateSet(KitFiles.Text, KitFiles.Terminal, KitFiles.Png, KitFiles.Svg, KitFiles.Html, IgnoreCase = true)]
    public string? Format { get; set; }

    /// <summary>The file to write; required for Png, Svg and Html.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Exports one vault's kit.</summary>
    protected override void ProcessRecord()
    {
        object? target = Vault;
        Run(() => target, () =>
        {
            string format = KitFiles.FormatFor(KitFiles.Canonical(Format), Path);
            if (Path is null && KitFiles.NeedsFile(format))
            {
                ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PathRequired, ErrorCategory.InvalidArgument, $"The {format} format is a file: give -Path.", format));
            }

            VaultReference vault = VaultTarget.Resolve(this, Vault);
            EmergencyKitSheet sheet;
            using (SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault))
            {
                sheet = KitFiles.SheetOf(lease.Session.GetEmergencyKit());
            }

            if (Path is null)
            {
                WriteObject(KitFiles.RenderText(sheet, format));
                return;
            }

            string file = GetUnresolvedProviderPathFromPSPath(Path);
            target = file;
            KitFiles.EnsureWritable(file, Force);
            if (ShouldProcess(TerminalText.Of(file), $"Write the emergency kit of '{TerminalText.VaultNameOf(vault.Path)}' ({format})"))
            {
                FileInfo written = KitFiles.Write(file, KitFiles.Render(sheet, format), Force);
                if (PassThru)
                {
                    WriteObject(written);
                }
            }
        });
    }
}
