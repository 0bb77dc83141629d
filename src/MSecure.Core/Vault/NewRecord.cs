using System;

namespace MSecure.Core.Vault;

/// <summary>A new record sealed at revision 1, not stored yet.</summary>
/// <param name="Id">Its id.</param>
/// <param name="CreatedAt">Its creation and modification time (Unix milliseconds).</param>
/// <param name="Sealed">Its name index and envelopes.</param>
internal sealed record NewRecord(Guid Id, long CreatedAt, SealedRecord Sealed);
