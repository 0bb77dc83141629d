using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MSecure.Core.Records;

namespace MSecure.SyncBench;

/// <summary>The records every case syncs: logins with a user, a password, a website and a short note.</summary>
internal static class BenchRecords
{
    public static List<RecordDraft> Logins(int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => Login(string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:D6}"), i, "first"))];

    public static RecordDraft Login(string name, int i, string version)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", string.Create(CultureInfo.InvariantCulture, $"user{i}@example.com"));
        draft.SetField("Password", string.Create(CultureInfo.InvariantCulture, $"pw-{i:X8}-{version}-Q7!zK"));
        draft.SetField("Website", string.Create(CultureInfo.InvariantCulture, $"https://site{i % 997}.example.com/login"));
        draft.Notes = "Recovery codes are in the safe; rotate every 90 days. Shared with nobody.";
        return draft;
    }
}
