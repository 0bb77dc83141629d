using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Benchmarks;

/// <summary>
/// The vault engine on a vault of 100,000 Login records: bulk insert, unlock beyond the KDF,
/// exact-name lookup, wildcard search, listing all names, and the file size per record. Prints
/// <c>vault &lt;operation&gt; records=&lt;n&gt; ms=&lt;median&gt;</c> lines. The vault lives in a
/// temporary folder deleted at the end.
/// </summary>
internal static class VaultBenchmark
{
    private const int RecordCount = 100_000;
    private const string Password = "correct horse battery staple";

    public static void Run()
    {
        string directory = Path.Combine(Path.GetTempPath(), "msecure-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine($"# vault: cores={Environment.ProcessorCount} kdf=argon2id m={KdfParameters.Minimum.MemoryKiB} t={KdfParameters.Minimum.Passes} p={KdfParameters.Minimum.Lanes} (the KDF is excluded from every figure)");
            string path = BulkInsert(directory);
            UnlockBeyondKdf(path);
            using VaultSession session = Unlock(path);
            GetByName(session);
            Search(session, "wildcard-search", new RecordQuery { NamePattern = "*42*" }, expected: ExpectedMatches("42"));
            Search(session, "list-names", new RecordQuery(), expected: RecordCount);
            FirstAfterUnlock(path);
            long bytes = Path.Exists(path + "-wal") ? new FileInfo(path).Length + new FileInfo(path + "-wal").Length : new FileInfo(path).Length;
            Console.WriteLine($"vault file-size records={RecordCount} bytes_per_record={bytes / RecordCount}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Inserts all records with one AddMany (one transaction) into three fresh vaults; keeps the last.</summary>
    private static string BulkInsert(string directory)
    {
        var samples = new double[3];
        string path = string.Empty;
        for (int run = 0; run < samples.Length; run++)
        {
            path = Path.Combine(directory, $"bench-{run}.msecure");
            List<RecordDraft> drafts = Enumerable.Range(0, RecordCount).Select(Draft).ToList();
            using VaultCreation creation = VaultFile.Create(path, "bench@example.com", Password, KdfParameters.Minimum);
            long start = Stopwatch.GetTimestamp();
            creation.Session.AddMany(drafts);
            samples[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Statistics.Require(creation.Session.Info.RecordCount == RecordCount, "bulk insert lost records");
        }

        double median = Statistics.Median(samples);
        Console.WriteLine($"vault bulk-insert records={RecordCount} ms={Statistics.Milliseconds(median)} records_per_s={(int)(RecordCount / (median / 1000))}");
        return path;
    }

    /// <summary>Unlock, minus the Argon2id derivation it contains measured alone right before, pairwise.</summary>
    private static void UnlockBeyondKdf(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        WrappedAccountKey wrapped;
        using (VaultSession session = Unlock(file))
        {
            wrapped = session.GetEmergencyKit().WrappedAccountKey;
        }

        var beyond = new double[21];
        for (int run = 0; run < beyond.Length; run++)
        {
            long kdfStart = Stopwatch.GetTimestamp();
            UnlockKeyDerivation.Derive(Password, wrapped.Salt.Span, wrapped.KdfParameters).Dispose();
            double kdf = Stopwatch.GetElapsedTime(kdfStart).TotalMilliseconds;

            long unlockStart = Stopwatch.GetTimestamp();
            Unlock(file).Dispose();
            double unlock = Stopwatch.GetElapsedTime(unlockStart).TotalMilliseconds;
            beyond[run] = Math.Max(0, unlock - kdf);
        }

        Console.WriteLine($"vault unlock-beyond-kdf records={RecordCount} ms={Statistics.Milliseconds(Statistics.Median(beyond))}");
    }

    private static void GetByName(VaultSession session)
    {
        var random = new Random(7);
        for (int i = 0; i < 50; i++)
        {
            session.FindByName(NameOf(random.Next(RecordCount)));
        }

        var samples = new double[500];
        for (int i = 0; i < samples.Length; i++)
        {
            int index = random.Next(RecordCount);
            long start = Stopwatch.GetTimestamp();
            Record? record = session.FindByName(NameOf(index).ToUpperInvariant());
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Statistics.Require(record?.Name == NameOf(index), "exact-name lookup missed");
        }

        Console.WriteLine($"vault get-by-name records={RecordCount} ms={Statistics.Milliseconds(Statistics.Median(samples))}");
    }

    /// <summary>
    /// The first read of a fresh session, which also verifies the record-set anchor: a lookup
    /// (one scan of id, revision, deleted) and a full listing (digest folded into the search).
    /// </summary>
    private static void FirstAfterUnlock(string path)
    {
        var lookups = new double[5];
        var listings = new double[5];
        for (int run = 0; run < lookups.Length; run++)
        {
            using (VaultSession fresh = Unlock(path))
            {
                long start = Stopwatch.GetTimestamp();
                Statistics.Require(fresh.FindByName(NameOf(run)) is not null, "exact-name lookup missed");
                lookups[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            using (VaultSession fresh = Unlock(path))
            {
                long start = Stopwatch.GetTimestamp();
                Statistics.Require(fresh.Search(new RecordQuery()).Count == RecordCount, "list-names found the wrong records");
                listings[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Console.WriteLine($"vault first-get-by-name-verifying records={RecordCount} ms={Statistics.Milliseconds(Statistics.Median(lookups))}");
        Console.WriteLine($"vault first-list-names-verifying records={RecordCount} ms={Statistics.Milliseconds(Statistics.Median(listings))}");
    }

    private static void Search(VaultSession session, string operation, RecordQuery query, int expected)
    {
        Statistics.Require(session.Search(query).Count == expected, operation + " found the wrong records");
        var samples = new double[9];
        for (int run = 0; run < samples.Length; run++)
        {
            long start = Stopwatch.GetTimestamp();
            session.Search(query);
            samples[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Console.WriteLine($"vault {operation} records={RecordCount} ms={Statistics.Milliseconds(Statistics.Median(samples))}");
    }

    private static VaultSession Unlock(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        return Unlock(file);
    }

    private static VaultSession Unlock(VaultFile file) => file.Unlock(Password);

    private static int ExpectedMatches(string part) =>
        Enumerable.Range(0, RecordCount).Count(i => NameOf(i).Contains(part, StringComparison.Ordinal));

    private static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"site-{index:D6}.example.com");

    private static RecordDraft Draft(int index)
    {
        RecordDraft draft = RecordDraft.FromTemplate(NameOf(index), RecordTemplate.Login);
        draft.SetField("Username", string.Create(CultureInfo.InvariantCulture, $"user{index}@example.com"));
        draft.SetField("Password", Convert.ToBase64String(BitConverter.GetBytes(index * 2654435761L)) + "!x9");
        draft.SetField("Website", string.Create(CultureInfo.InvariantCulture, $"https://{NameOf(index)}/login"));
        draft.Notes = index % 10 == 0 ? "Recovery codes are in the safe." : string.Empty;
        draft.Tags.Add(index % 3 == 0 ? "work" : "personal");
        draft.IsFavorite = index % 50 == 0;
        return draft;
    }
}
