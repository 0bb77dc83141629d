using System;
using System.Collections.Generic;

namespace MSecure.Cli.Output;

// The --json output shapes. They are documented in docs/cli.md and are part of the CLI's
// contract: properties are only ever added, never renamed or removed.

/// <summary>An error, written to standard error.</summary>
internal sealed record ErrorJson(ErrorBody Error);

/// <summary>The error's details: the stable code, its class (exit code) and a message with no secret.</summary>
internal sealed record ErrorBody(string Code, string Category, int ExitCode, string Message);

/// <summary>`read`: one field's value.</summary>
internal sealed record FieldValueJson(string Vault, string Record, string Field, string Kind, bool Secret, string Value);

/// <summary>A record field in `get`; a secret value is null unless revealed.</summary>
internal sealed record FieldJson(string Label, string Kind, bool Secret, string? Value);

/// <summary>`get`: a whole record; secret values and notes are null unless revealed.</summary>
internal sealed record RecordJson(Guid Id, string Name, string Template, IReadOnlyList<string> Tags, bool Favorite,
    DateTimeOffset Created, DateTimeOffset Modified, long Revision, IReadOnlyList<FieldJson> Fields, string? Notes);

/// <summary>`list`: one record's summary (never a value).</summary>
internal sealed record SummaryJson(Guid Id, string Name, string Template, IReadOnlyList<string> Tags, bool Favorite, DateTimeOffset Modified, long Revision);

/// <summary>`set`: the record written.</summary>
internal sealed record SetJson(Guid Id, string Name, long Revision, bool Created, IReadOnlyList<string> Fields);

/// <summary>`rm`: the record removed.</summary>
internal sealed record RemovedJson(Guid Id, string Name, bool Removed);

/// <summary>`unlock`: the session token and when it expires.</summary>
internal sealed record SessionJson(string Vault, string Token, DateTimeOffset Expires, string Variable);

/// <summary>`lock`: how many sessions were ended.</summary>
internal sealed record LockJson(string Vault, int Revoked);

/// <summary>`passwd` and `init`: the vault and where its new kit was written.</summary>
internal sealed record KitWrittenJson(string Vault, string Kit, string Format);

/// <summary>`kit` to standard output: the kit's text.</summary>
internal sealed record KitTextJson(string Vault, string Kit);

/// <summary>`enroll`: the vault created and its first sync.</summary>
internal sealed record EnrolledJson(string Vault, string Email, Guid AccountId, SyncJson? Sync);

/// <summary>`sync`: what moved.</summary>
internal sealed record SyncJson(string Method, string Source, int Pulled, int Pushed, IReadOnlyList<ConflictJson> Conflicts, IReadOnlyList<WarningJson> Warnings, double Seconds);

/// <summary>A sync conflict (both versions kept).</summary>
internal sealed record ConflictJson(Guid Id, string Name, string Resolution);

/// <summary>A sync warning (a change file skipped).</summary>
internal sealed record WarningJson(string File, string Reason);
