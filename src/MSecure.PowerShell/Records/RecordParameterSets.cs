namespace MSecure.PowerShell.Records;

/// <summary>Parameter set names shared by the record cmdlets.</summary>
internal static class RecordParameterSets
{
    /// <summary>The record by name (-Name).</summary>
    internal const string Name = "Name";

    /// <summary>The record by id (-Id), as Get-MSecureRecord writes it.</summary>
    internal const string Id = "Id";
}
