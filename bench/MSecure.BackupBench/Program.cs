using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Backup;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

// Backup and restore of n logins (a tenth with one earlier version), as ratios to AddMany of the
// same records into a fresh vault (the baseline, measured in the same run). KDF minimum; the
// Argon2id of a password seal is excluded (Account-Key seal), since it is a fixed cost per file.
int largest = args.Length == 2 && args[0] == "--records" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
string directory = Path.Combine(Path.GetTempPath(), "msecure-backup-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
Console.WriteLine(FormattableString.Invariant(
    $"# backup bench: {Environment.ProcessorCount} cores, KDF minimum (excluded), Account-Key seal, a tenth of the records with one earlier version; ratio = ms / AddMany ms of the same records"));
try
{
    foreach (int records in new[] { largest / 10, largest }.Where(n => n > 0).Distinct())
    {
        RunCase(directory, records);
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void RunCase(string directory, int records)
{
    const string Password = "backup bench password";
    List<RecordDraft> drafts = Logins(records, "v1");
    string prefix = Path.Combine(directory, records.ToString(CultureInfo.InvariantCulture));
    using VaultCreation source = VaultFile.Create(prefix + "-source.msecure", "bench@example.com", Password, KdfParameters.Minimum, allowWeakPassword: true);
    double baseline = Milliseconds(() => source.Session.AddMany(drafts));
    List<RecordDraft> updates = Logins(records / 10, "v2");
    IReadOnlyList<RecordSummary> all = source.Session.Search(new RecordQuery());
    Dictionary<string, Guid> ids = all.ToDictionary(s => s.Name, s => s.Id, StringComparer.Ordinal);
    foreach (RecordDraft update in updates)
    {
        source.Session.Update(ids[update.Name], update);
    }

    long revisions = records + updates.Count;
    string file = prefix + ".msbackup";
    BackupExportResult exported = null!;
    double export = Milliseconds(() =>
    {
        using FileStream stream = File.Create(file);
        exported = source.Session.ExportBackup(stream, BackupSealMode.AccountKey);
    });
    Print("export", records, revisions, export, baseline, FormattableString.Invariant($" bytes={exported.Bytes}"));

    using VaultCreation target = VaultFile.Create(prefix + "-target.msecure", "other@example.com", Password, KdfParameters.Minimum, allowWeakPassword: true);
    using BackupCredentials kit = BackupCredentials.FromEmergencyKit(source.Kit, Password);
    BackupRestoreResult restored = null!;
    double restore = Milliseconds(() =>
    {
        using FileStream stream = File.OpenRead(file);
        restored = target.Session.ImportBackup(stream, kit);
    });
    Check(restored.Added == records, "restore added every record");
    Print("restore-new", records, revisions, restore, baseline, string.Empty);

    double again = Milliseconds(() =>
    {
        using FileStream stream = File.OpenRead(file);
        restored = target.Session.ImportBackup(stream, kit);
    });
    Check(restored.Unchanged == records, "a second restore changes nothing");
    Print("restore-merge-unchanged", records, revisions, again, baseline, string.Empty);
}

static List<RecordDraft> Logins(int count, string version) => [.. Enumerable.Range(0, count).Select(i =>
{
    RecordDraft draft = RecordDraft.FromTemplate(string.Create(CultureInfo.InvariantCulture, $"Login {i:D6}"), RecordTemplate.Login);
    draft.SetField("Username", string.Create(CultureInfo.InvariantCulture, $"user{i}@example.com"));
    draft.SetField("Password", string.Create(CultureInfo.InvariantCulture, $"pw-{i:X8}-{version}-Q7!zK"));
    draft.SetField("Website", string.Create(CultureInfo.InvariantCulture, $"https://site{i % 997}.example.com/login"));
    draft.Notes = "Recovery codes are in the safe; rotate every 90 days.";
    return draft;
})];

static double Milliseconds(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalMilliseconds;
}

static void Print(string operation, int records, long revisions, double milliseconds, double baseline, string extra) =>
    Console.WriteLine(FormattableString.Invariant(
        $"backup {operation} records={records} revisions={revisions} ms={milliseconds:0.0} records_per_s={records / (milliseconds / 1000):0} ratio_to_addmany={milliseconds / baseline:0.00} (addmany ms={baseline:0.0}){extra}"));

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Benchmark check failed: " + what);
    }
}
