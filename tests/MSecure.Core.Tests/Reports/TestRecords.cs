using System;
using MSecure.Core.Records;

namespace MSecure.Core.Tests;

/// <summary>Records made without a vault, at chosen times and revisions (the vault's clock cannot be set).</summary>
internal static class TestRecords
{
    public static Record Of(RecordDraft draft, long revision = 1, DateTimeOffset? createdAt = null, DateTimeOffset? modifiedAt = null, Guid? id = null)
    {
        DateTimeOffset created = createdAt ?? DateTimeOffset.UnixEpoch.AddYears(50);
        return new Record(id ?? Guid.NewGuid(), revision, RecordValidation.Validate(draft), created, modifiedAt ?? created);
    }

    public static RecordDraft Login(string name, string password, string user = "alice", string? seed = null, params string[] tags)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", user);
        draft.SetField("Password", password);
        if (seed is not null)
        {
            draft.SetField("OneTimePassword", seed);
        }

        draft.Tags.AddRange(tags);
        return draft;
    }
}
