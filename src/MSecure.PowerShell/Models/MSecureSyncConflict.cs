using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>A record two devices changed at once, and how the sync resolved it. Never a value.</summary>
public sealed class MSecureSyncConflict
{
    internal MSecureSyncConflict(Guid recordId, string name, string resolution)
    {
        RecordId = recordId;
        Name = name;
        Resolution = resolution;
    }

    /// <summary>The record's id (Get-MSecureRecordHistory -Id shows both versions).</summary>
    public Guid RecordId { get; }

    /// <summary>The record's name after the resolution (empty when unknown).</summary>
    public string Name { get; }

    /// <summary>Which version won and why, in words.</summary>
    public string Resolution { get; }

    /// <summary>The record's name and id.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Formatting.TerminalText.Of(Name), RecordId);
}
