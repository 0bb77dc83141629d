using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Benchmarks;

/// <summary>
/// The vault engine on a vault of 100,000 Login records against the same rows unencrypted in a
/// plain SQLite table (<see cref="PlainSqliteTable"/>), each operation measured on both in the
/// same run, interleaved: bulk insert, unlock beyond the KDF (plain: opening the file), exact-name
/// lookup, wildcard search, listing all names, the first lookup and the first listing of a fresh
/// session, and the file size per record. Prints
/// <c>vault &lt;operation&gt; records=&lt;n&gt; ms=&lt;vault median&gt; plain_ms=&lt;plain median&gt; ratio=&lt;vault/plain&gt;</c>,
/// and the first listing of a session against a warm wildcard search. There are no absolute
/// limits: they do not hold from one machine to the next, ratios do. Both files live in a
/// temporary folder deleted at the end.
/// </summary>
internal static class VaultBenchmark
{
    private const int RecordCount = 100_000;
    private const string Password = "correct horse battery staple";
    private const int FreshSessions = 5;

    public static void Run()
    {
        string directory = Path.Combine(Path.GetTempPath(), "msecure-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine(
                $"# vault: cores={Environment.ProcessorCount} kdf=argon2id m={KdfParameters.Minimum.MemoryKiB} t={KdfParameters.Minimum.Passes} p={KdfParameters.Minimum.Lanes} " +
                "(the KDF is excluded from every figure); plain = the same rows unencrypted in one SQLite table with a name index " +
                "(same Microsoft.Data.Sqlite, WAL, synchronous=FULL); ratio = vault / plain");
            List<LoginRow> rows = Enumerable.Range(0, RecordCount).Select(LoginRow.Of).ToList();
            (string vaultPath, string plainPath) = BulkInsert(directory, rows);
            UnlockBeyondKdf(vaultPath, plainPath);
            double warmSearch;
            using (VaultSession session = Unlock(vaultPath))
            using (PlainSqliteTable plain = PlainSqliteTable.Open(plainPath))
            {
                GetByName(session, plain);
                warmSearch = Search(session, plain, "wildcard-search", "*42*", "%42%", ExpectedMatches("42"));
                Search(session, plain, "list-names", null, null, RecordCount);
            }

            double firstListing = FirstAfterUnlock(vaultPath, plainPath);
            Console.WriteLine(
                $"vault first-list-vs-warm-search records={RecordCount} first_list_ms={Statistics.Milliseconds(firstListing)} " +
                $"warm_search_ms={Statistics.Milliseconds(warmSearch)} ratio={Statistics.Ratio(firstListing, warmSearch)}");

            // Measured with every connection closed, so that neither file has a -wal left beside it.
            long vaultBytes = BytesOnDisk(vaultPath) / RecordCount, plainBytes = BytesOnDisk(plainPath) / RecordCount;
            Console.WriteLine($"vault file-size records={RecordCount} bytes_per_record={vaultBytes} plain_bytes_per_record={plainBytes} ratio={Statistics.Ratio(vaultBytes, plainBytes)}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// All rows in one transaction, three times each into fresh files: the vault with one AddMany,
    /// the plain table with one prepared INSERT. Keeps the last files of each.
    /// </summary>
    private static (string VaultPath, string PlainPath) BulkInsert(string directory, List<LoginRow> rows)
    {
        var vault = new double[3];
        var plain = new double[3];
        string vaultPath = string.Empty, plainPath = string.Empty;
        for (int run = 0; run < vault.Length; run++)
        {
            vaultPath = Path.Combine(directory, $"bench-{run}.msecure");
            plainPath = Path.Combine(directory, $"plain-{run}.sqlite");
            if (run % 2 == 0)
            {
                vault[run] = VaultInsert(vaultPath, rows);
                plain[run] = PlainInsert(plainPath, rows);
            }
            else
            {
                plain[run] = PlainInsert(plainPath, rows);
                vault[run] = VaultInsert(vaultPath, rows);
            }
        }

        double vaultMedian = Statistics.Median(vault), plainMedian = Statistics.Median(plain);
        Report("bulk-insert", vaultMedian, plainMedian,
            $" records_per_s={(int)(RecordCount / (vaultMedian / 1000))} plain_records_per_s={(int)(RecordCount / (plainMedian / 1000))}");
        return (vaultPath, plainPath);
    }

    private static double VaultInsert(string path, List<LoginRow> rows)
    {
        List<RecordDraft> drafts = rows.Select(Draft).ToList();
        using VaultCreation creation = VaultFile.Create(path, "bench@example.com", Password, KdfParameters.Minimum);
        long start = Stopwatch.GetTimestamp();
        creation.Session.AddMany(drafts);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Statistics.Require(creation.Session.Info.RecordCount == RecordCount, "bulk insert lost records");
        return elapsed;
    }

    private static double PlainInsert(string path, List<LoginRow> rows)
    {
        using PlainSqliteTable plain = PlainSqliteTable.Create(path);
        long start = Stopwatch.GetTimestamp();
        plain.InsertAll(rows);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Unlock, minus the Argon2id derivation it contains measured alone right before, pairwise;
    /// against opening the plain file (connection, settings, schema) and closing it.
    /// </summary>
    private static void UnlockBeyondKdf(string vaultPath, string plainPath)
    {
        using VaultFile file = VaultFile.Open(vaultPath);
        WrappedAccountKey wrapped;
        using (VaultSession session = Unlock(file))
        {
            wrapped = session.GetEmergencyKit().WrappedAccountKey;
        }

        PlainSqliteTable.Open(plainPath).Dispose();
        var beyond = new double[21];
        var plain = new double[beyond.Length];
        for (int run = 0; run < beyond.Length; run++)
        {
            long kdfStart = Stopwatch.GetTimestamp();
            UnlockKeyDerivation.Derive(Password, wrapped.Salt.Span, wrapped.KdfParameters).Dispose();
            double kdf = Stopwatch.GetElapsedTime(kdfStart).TotalMilliseconds;

            long unlockStart = Stopwatch.GetTimestamp();
            Unlock(file).Dispose();
            double unlock = Stopwatch.GetElapsedTime(unlockStart).TotalMilliseconds;
            beyond[run] = Math.Max(0, unlock - kdf);

            long openStart = Stopwatch.GetTimestamp();
            PlainSqliteTable.Open(plainPath).Dispose();
            plain[run] = Stopwatch.GetElapsedTime(openStart).TotalMilliseconds;
        }

        Report("unlock-beyond-kdf", Statistics.Median(beyond), Statistics.Median(plain));
    }

    private static void GetByName(VaultSession session, PlainSqliteTable plain)
    {
        var random = new Random(7);
        for (int i = 0; i < 50; i++)
        {
            int index = random.Next(RecordCount);
            session.FindByName(LoginRow.NameOf(index));
            plain.FindByName(LoginRow.NameOf(index));
        }

        var vault = new double[500];
        var baseline = new double[vault.Length];
        for (int i = 0; i < vault.Length; i++)
        {
            int index = random.Next(RecordCount);
            string asked = LoginRow.NameOf(index).ToUpperInvariant();
            if (i % 2 == 0)
            {
                vault[i] = VaultLookup(session, asked, index);
                baseline[i] = PlainLookup(plain, asked, index);
            }
            else
            {
                baseline[i] = PlainLookup(plain, asked, index);
                vault[i] = VaultLookup(session, asked, index);
            }
        }

        Report("get-by-name", Statistics.Median(vault), Statistics.Median(baseline));
    }

    private static double VaultLookup(VaultSession session, string name, int index) =>
        TimeLookup(asked => session.FindByName(asked)?.Name, name, index, "exact-name lookup missed");

    private static double PlainLookup(PlainSqliteTable plain, string name, int index) =>
        TimeLookup(asked => plain.FindByName(asked)?.Name, name, index, "plain exact-name lookup missed");

    /// <summary>Times one lookup of <paramref name="name"/>, which must find the record of <paramref name="index"/>.</summary>
    private static double TimeLookup(Func<string, string?> findName, string name, int index, string missed)
    {
        long start = Stopwatch.GetTimestamp();
        string? found = findName(name);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Statistics.Require(found == LoginRow.NameOf(index), missed);
        return elapsed;
    }

    /// <summary>Warm searches, interleaved; returns the vault's median.</summary>
    private static double Search(VaultSession session, PlainSqliteTable plain, string operation, string? pattern, string? likePattern, int expected)
    {
        var query = new RecordQuery { NamePattern = pattern };
        Statistics.Require(session.Search(query).Count == expected, operation + " found the wrong records");
        Statistics.Require(plain.Search(likePattern).Count == expected, operation + " found the wrong plain rows");
        var vault = new double[9];
        var baseline = new double[vault.Length];
        for (int run = 0; run < vault.Length; run++)
        {
            long start = Stopwatch.GetTimestamp();
            session.Search(query);
            vault[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            start = Stopwatch.GetTimestamp();
            plain.Search(likePattern);
            baseline[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double vaultMedian = Statistics.Median(vault);
        Report(operation, vaultMedian, Statistics.Median(baseline));
        return vaultMedian;
    }

    /// <summary>
    /// The first read of a fresh session, which also verifies the record-set anchor: a lookup (one
    /// scan of id, revision, deleted) and a full listing (digest folded into the search); against
    /// the same first query on a freshly opened plain connection. Returns the vault's first-listing median.
    /// </summary>
    private static double FirstAfterUnlock(string vaultPath, string plainPath)
    {
        var lookups = new double[FreshSessions];
        var plainLookups = new double[FreshSessions];
        var listings = new double[FreshSessions];
        var plainListings = new double[FreshSessions];
        for (int run = 0; run < FreshSessions; run++)
        {
            using (VaultSession fresh = Unlock(vaultPath))
            {
                lookups[run] = VaultLookup(fresh, LoginRow.NameOf(run), run);
            }

            using (PlainSqliteTable fresh = PlainSqliteTable.Open(plainPath))
            {
                plainLookups[run] = PlainLookup(fresh, LoginRow.NameOf(run), run);
            }

            using (VaultSession fresh = Unlock(vaultPath))
            {
                long start = Stopwatch.GetTimestamp();
                Statistics.Require(fresh.Search(new RecordQuery()).Count == RecordCount, "list-names found the wrong records");
                listings[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            using (PlainSqliteTable fresh = PlainSqliteTable.Open(plainPath))
            {
                long start = Stopwatch.GetTimestamp();
                Statistics.Require(fresh.Search(null).Count == RecordCount, "list-names found the wrong plain rows");
                plainListings[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Report("first-get-by-name-verifying", Statistics.Median(lookups), Statistics.Median(plainLookups));
        double listing = Statistics.Median(listings);
        Report("first-list-names-verifying", listing, Statistics.Median(plainListings));
        return listing;
    }

    private static void Report(string operation, double vault, double plain, string extra = "") =>
        Console.WriteLine(
            $"vault {operation} records={RecordCount} ms={Statistics.Milliseconds(vault)} plain_ms={Statistics.Milliseconds(plain)} " +
            $"ratio={Statistics.Ratio(vault, plain)}{extra}");

    private static long BytesOnDisk(string path) =>
        new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    private static VaultSession Unlock(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        return Unlock(file);
    }

    private static VaultSession Unlock(VaultFile file) => file.Unlock(Password);

    private static int ExpectedMatches(string part) =>
        Enumerable.Range(0, RecordCount).Count(i => LoginRow.NameOf(i).Contains(part, StringComparison.Ordinal));

    private static RecordDraft Draft(LoginRow row)
    {
        RecordDraft draft = RecordDraft.FromTemplate(row.Name, RecordTemplate.Login);
        draft.SetField("Username", row.UserName);
        draft.SetField("Password", row.Password);
        draft.SetField("Website", row.Website);
        draft.Notes = row.Notes;
        draft.Tags.Add(row.Tag);
        draft.IsFavorite = row.IsFavorite;
        return draft;
    }
}
