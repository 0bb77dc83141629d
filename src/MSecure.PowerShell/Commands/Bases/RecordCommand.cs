using System;
using System.Management.Automation;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Records;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that acts on one record, by exact -Name or by -Id (as Get-MSecureRecord writes it).</summary>
public abstract class RecordCommand : VaultCommand
{
    /// <summary>The record's exact name.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The record's id.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Id, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid Id { get; set; }

    /// <summary>Runs <paramref name="body"/>; a failure is an error on the record's name, or its id.</summary>
    protected void RunOnRecord(Action body) => Run(() => Name ?? (object)Id, body);
}
