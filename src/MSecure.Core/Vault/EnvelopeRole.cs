namespace MSecure.Core.Vault;

/// <summary>
/// The three roles of a record envelope. Each has its own associated-data purpose label, so a
/// ciphertext of one role never opens in another (a summary cannot pose as a record, nor a
/// history entry as the current version).
/// </summary>
internal enum EnvelopeRole
{
    /// <summary>The current full record, or a tombstone ("msecure/v1/record").</summary>
    Record,

    /// <summary>The current summary: name, template, tags, favorite, modified ("msecure/v1/record-summary").</summary>
    Summary,

    /// <summary>An earlier version kept in history ("msecure/v1/record-history").</summary>
    History,
}
