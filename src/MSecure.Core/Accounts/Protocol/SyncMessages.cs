using System;
using System.Collections.Generic;

namespace MSecure.Core.Accounts.Protocol;

// The sync part of the protocol (docs/ARCHITECTURE.md section 17). The server stores and returns
// envelopes exactly as a device sealed them and never parses one. Every member is required on the
// wire, as in ProtocolMessages.cs.

/// <summary>One stored change as the server returns it (pull, and a conflict's current version).</summary>
public sealed record SyncChangeResponse
{
    /// <summary>The server-assigned, per-account, strictly increasing (gap-free) change sequence.</summary>
    public required long Sequence { get; init; }

    /// <summary>The record the change belongs to.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The record's revision this change created (base revision + 1).</summary>
    public required long Revision { get; init; }

    /// <summary>The change's id, chosen by the device that sealed it; unique in the account.</summary>
    public required Guid ChangeId { get; init; }

    /// <summary>Whether the change is a tombstone.</summary>
    public required bool Deleted { get; init; }

    /// <summary>The device that pushed it (as the server recorded it; not authenticated by the envelope).</summary>
    public required Guid DeviceId { get; init; }

    /// <summary>The sync envelope, exactly as pushed.</summary>
    public required byte[] Envelope { get; init; }

    // ToString shows ids only: envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"Sequence = {Sequence}, RecordId = {RecordId}, Revision = {Revision}, ChangeId = {ChangeId}, Deleted = {Deleted}"));
        return true;
    }
}

/// <summary>GET /v1/sync/changes?after=&amp;limit=: the account's changes after a sequence, in sequence order.</summary>
public sealed record PullChangesResponse
{
    /// <summary>The changes with sequences after+1, after+2, ... (gap-free), at most the limit.</summary>
    public required IReadOnlyList<SyncChangeResponse> Changes { get; init; }

    /// <summary>The sequence to ask after next: the last change's, or the request's when none.</summary>
    public required long NextSequence { get; init; }

    /// <summary>The account's highest sequence when the page was read.</summary>
    public required long LatestSequence { get; init; }

    /// <summary>Whether changes after <see cref="NextSequence"/> exist.</summary>
    public required bool HasMore { get; init; }
}

/// <summary>One change a device pushes.</summary>
public sealed record PushChange
{
    /// <summary>The change's id: pushing the same id again is answered with its first outcome (idempotent retry).</summary>
    public required Guid ChangeId { get; init; }

    /// <summary>The record.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The revision the change was made on (0 for a new record); accepted only when it is the record's current one.</summary>
    public required long BaseRevision { get; init; }

    /// <summary>Whether the change is a tombstone.</summary>
    public required bool Deleted { get; init; }

    /// <summary>The sync envelope.</summary>
    public required byte[] Envelope { get; init; }

    // ToString shows ids only: envelopes never reach a log or a default view.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"ChangeId = {ChangeId}, RecordId = {RecordId}, BaseRevision = {BaseRevision}, Deleted = {Deleted}"));
        return true;
    }
}

/// <summary>POST /v1/sync/changes: a batch of changes, each accepted or refused on its own, in order.</summary>
public sealed record PushChangesRequest
{
    /// <summary>At most <see cref="AccountProtocol.MaxPushChanges"/> changes; several of one record chain by base revision.</summary>
    public required IReadOnlyList<PushChange> Changes { get; init; }
}

/// <summary>The outcome of one pushed change, in request order.</summary>
public sealed record PushResult
{
    /// <summary>The change.</summary>
    public required Guid ChangeId { get; init; }

    /// <summary><see cref="SyncOutcomes.Accepted"/>, <see cref="SyncOutcomes.Duplicate"/> or <see cref="SyncOutcomes.Conflict"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The sequence the change was stored at (accepted, duplicate); null for a conflict.</summary>
    public required long? Sequence { get; init; }

    /// <summary>The revision the change holds (accepted, duplicate); null for a conflict.</summary>
    public required long? Revision { get; init; }

    /// <summary>For a conflict, the record's current change on the server; otherwise null.</summary>
    public required SyncChangeResponse? Current { get; init; }
}

/// <summary>The answer to a push: one result per change, in request order.</summary>
public sealed record PushChangesResponse
{
    /// <summary>The results.</summary>
    public required IReadOnlyList<PushResult> Results { get; init; }

    /// <summary>The account's highest sequence after the push.</summary>
    public required long LatestSequence { get; init; }
}

/// <summary>The values of <see cref="PushResult.Outcome"/>.</summary>
public static class SyncOutcomes
{
    /// <summary>Stored now.</summary>
    public const string Accepted = "accepted";

    /// <summary>A change with this id was stored before (a retry); its sequence and revision are given.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The base revision is not the record's current one; nothing stored.</summary>
    public const string Conflict = "conflict";
}
