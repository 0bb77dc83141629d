using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Reports;
using MSecure.Core.Vault;

// Prints `report records=<n> ms=<n> per_record_ms=<n> ratio_to_read_all=<r>` and the zxcvbn line.
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "msecure-report-bench-" + Guid.NewGuid().ToString("N"))).FullName;
try
{
    var random = new Random(10);
    string[] passwords = Enumerable.Range(0, count).Select(i => PasswordFor(i, random)).ToArray();
    using VaultCreation creation = VaultFile.Create(Path.Combine(directory, "bench.msecure"), "bench@example.com", "report bench vault password", KdfParameters.Minimum);
    VaultSession session = creation.Session;
    IReadOnlyList<Record> added = session.AddMany(Enumerable.Range(0, count).Select(i => Login(i, i % 3 == 0 ? "Earlier-Pass-" + i : passwords[i])));
    foreach (Record record in added.Where((_, i) => i % 3 == 0))
    {
        RecordDraft draft = RecordDraft.From(record);
        draft.SetField("Password", passwords[int.Parse(record.Name.AsSpan(5), CultureInfo.InvariantCulture)]);
        session.Update(record.Id, draft);
    }

    // Baseline 1: what the report must read anyway: every record and, for the changed ones, its history.
    var clock = Stopwatch.StartNew();
    int read = 0;
    foreach (RecordSummary summary in session.Search(new RecordQuery()))
    {
        Record record = session.Get(summary.Id);
        read += record.Revision > 1 ? session.GetHistory(record.Id).Count : 0;
    }

    double readMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    SecurityReport report = SecurityReports.Run(session, new SecurityReportScope(), DateTimeOffset.UtcNow);
    double reportMs = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(FormattableString.Invariant(
        $"report records={count} ms={reportMs:F0} per_record_ms={reportMs / count:F3} read_all_ms={readMs:F0} ratio_to_read_all={reportMs / readMs:F2} weak={report.Summary.Weak} reused={report.Summary.Reused} groups={report.Summary.ReuseGroups}"));

    // Baseline 2: zxcvbn-core's default evaluator (its lazy matchers run again for every character) on a sample of the same passwords.
    string[] sample = passwords.Take(Math.Min(count, 1000)).ToArray();
    var library = new Zxcvbn.Zxcvbn();
    library.EvaluatePassword("warm-up", null);
    clock.Restart();
    foreach (string password in sample)
    {
        library.EvaluatePassword(password, null);
    }

    double libraryMs = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(FormattableString.Invariant(
        $"zxcvbn-default passwords={sample.Length} ms={libraryMs:F0} per_password_ms={libraryMs / sample.Length:F3} (the report's whole per-record cost above: {reportMs / count:F3} ms)"));
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static RecordDraft Login(int i, string password)
{
    RecordDraft draft = RecordDraft.FromTemplate(FormattableString.Invariant($"site-{i:D6}"), RecordTemplate.Login);
    draft.SetField("Username", FormattableString.Invariant($"user{i}@example.com"));
    draft.SetField("Password", password);
    draft.SetField("Website", FormattableString.Invariant($"https://site{i}.example.com"));
    if (i % 4 == 0)
    {
        draft.SetField("OneTimePassword", "JBSWY3DPEHPK3PXP");
    }

    return draft;
}

// A fifth reused from a small pool, a fifth word + year, the rest generated (16 to 24 characters).
static string PasswordFor(int i, Random random)
{
    const string Characters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%&*+-=?@";
    string[] words = ["summer", "dragon", "monkey", "football", "princess", "letmein", "shadow", "master"];
    return (i % 5) switch
    {
        0 => "Shared-Pool-" + (i % 50).ToString(CultureInfo.InvariantCulture),
        1 => words[i % words.Length] + (1950 + (i % 70)).ToString(CultureInfo.InvariantCulture) + "!",
        _ => new string(Enumerable.Range(0, 16 + random.Next(9)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray()),
    };
}
