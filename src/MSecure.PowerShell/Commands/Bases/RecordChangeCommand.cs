using System.Management.Automation;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that changes one record, as of the revision it read or the one -ExpectedRevision gives.</summary>
public abstract class RecordChangeCommand : RecordCommand
{
    /// <summary>Fails with RecordRevisionConflict unless the record is still at this revision.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Revision")]
    [ValidateRange(1, long.MaxValue)]
    public long ExpectedRevision { get; set; }

    /// <summary>The revision the change expects: -ExpectedRevision when given, else <paramref name="revisionRead"/>.</summary>
    protected long RevisionToExpect(long revisionRead) => ExpectedRevision > 0 ? ExpectedRevision : revisionRead;
}
