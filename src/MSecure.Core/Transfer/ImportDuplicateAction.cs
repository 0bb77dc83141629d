namespace MSecure.Core.Transfer;

/// <summary>What happened to one duplicate entry (<see cref="ImportDuplicate"/>).</summary>
public enum ImportDuplicateAction
{
    /// <summary>Not stored (<see cref="ImportDuplicatePolicy.Skip"/>).</summary>
    Skipped,

    /// <summary>Merged into the record, which got a new revision.</summary>
    Merged,

    /// <summary>Merged, but the record already held everything: no new revision.</summary>
    Unchanged,

    /// <summary>Added under a free name (<see cref="ImportDuplicatePolicy.Keep"/>).</summary>
    Kept,
}
