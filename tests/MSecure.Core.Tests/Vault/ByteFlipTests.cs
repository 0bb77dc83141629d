using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Xunit.Abstractions;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// One flipped byte anywhere in any file a vault keeps (the database, the write-ahead log and its
/// index left by a killed process, the revision witness) must end in an error or change nothing a
/// user can read: never a wrong answer, never a raw exception. Every read a user has is observed:
/// unlock, listing, text search, each record by id and by name, each history, the kit, and the full check.
/// </summary>
public sealed class ByteFlipTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string[] Suffixes = ["", "-wal", "-shm", ".witness"];

    private readonly VaultTestDirectory _directory = new();
    private readonly ITestOutputHelper _output;
    private readonly List<Guid> _ids = [];

    public ByteFlipTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _directory.Dispose();

    /// <summary>Trials in all; MSECURE_FLIP_TRIALS runs more.</summary>
    private static int Trials =>
        int.TryParse(Environment.GetEnvironmentVariable("MSECURE_FLIP_TRIALS"), out int trials) ? trials : 1500;

    private string VaultPath => _directory.VaultPath;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFlippedByteInAnyFileOfTheVault_IsAnErrorOrChangesNothing(bool liveLog)
    {
        Dictionary<string, byte[]> snapshot = BuildVault(liveLog);
        Assert.All(snapshot, file => Assert.True(file.Value.Length > 0, "empty " + file.Key));
        Restore(snapshot, null);
        string reference = Observe(out bool sound);
        Assert.True(sound, "the undamaged vault must pass its own check");

        int seed = Environment.TickCount;
        var random = new Random(seed);
        var outcomes = new Dictionary<string, Dictionary<string, int>>();
        var failures = new List<string>();
        foreach ((string suffix, long offset) in Positions(snapshot, random))
        {
            byte mask = (byte)random.Next(1, 256);
            Restore(snapshot, (suffix, offset, mask));
            string outcome;
            try
            {
                string observed = Observe(out sound);
                outcome = observed == reference ? (sound ? "unchanged" : "reported by the check") : "WRONG";
                if (outcome == "WRONG")
                {
                    failures.Add($"WRONG {Name(suffix)} offset {offset} mask 0x{mask:x2}: {FirstDifference(reference, observed)}");
                }
            }
            catch (MSecureException exception) when (IsIntegrityError(exception.Code))
            {
                outcome = exception.Code.ToString();
            }
            catch (Exception exception)
            {
                outcome = "CRASH";
                failures.Add($"CRASH {Name(suffix)} offset {offset} mask 0x{mask:x2}: {exception.GetType().Name}: {exception.Message}");
            }

            Dictionary<string, int> counts = outcomes.TryGetValue(Name(suffix), out var found) ? found : outcomes[Name(suffix)] = [];
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        string summary = (liveLog ? "live log " : "locked ") + Summarize(seed, outcomes);
        _output.WriteLine(summary);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(30)));
    }

    /// <summary>
    /// A vault with history and a removed record; with <paramref name="liveLog"/>, its newest commits
    /// sit in the write-ahead log of a process killed with its session open, otherwise everything is
    /// in the database file (the last session locked). Returns each file's bytes.
    /// </summary>
    private Dictionary<string, byte[]> BuildVault(bool liveLog)
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            VaultSession session = creation.Session;
            for (int i = 0; i < 6; i++)
            {
                RecordDraft draft = TestVaults.Login("login " + i, "user" + i, "pw-" + i);
                draft.Notes = "notes of login " + i;
                draft.Tags.Add(i % 2 == 0 ? "even" : "odd");
                _ids.Add(session.Add(draft).Id);
            }

            session.Update(_ids[0], TestVaults.Login("login 0", "user0", "pw-0b"));
            session.Update(_ids[0], TestVaults.Login("login 0 renamed", "user0", "pw-0c"));
            session.Update(_ids[3], TestVaults.Login("login 3", "user3", "pw-3b"));
            session.Remove(_ids[5]);
        }

        using (VaultWorkerProcess worker = VaultWorkerProcess.Start(VaultPath, 5, "logged", holdWhenDone: liveLog))
        {
            Assert.Equal("ready", worker.ReadLine(Patience));
            for (int i = 0; i < 5; i++)
            {
                _ids.Add(Guid.Parse(worker.ReadLine(Patience) ?? throw new InvalidOperationException(worker.Errors)));
            }

            Assert.Equal("done", worker.ReadLine(Patience));
            if (liveLog)
            {
                worker.Kill();
            }

            worker.WaitForExit(Patience);
        }

        // No connection of this process is open: reading the files cannot disturb SQLite's locks.
        return Suffixes.Where(suffix => File.Exists(VaultPath + suffix) && (liveLog || new FileInfo(VaultPath + suffix).Length > 0))
            .ToDictionary(suffix => suffix, suffix => File.ReadAllBytes(VaultPath + suffix));
    }

    /// <summary>
    /// Where to flip: every byte of the witness, of the database header, of the log's header and frame
    /// headers and of the log index's header, then random bytes of a file chosen at random, until the budget is spent.
    /// </summary>
    private static List<(string Suffix, long Offset)> Positions(Dictionary<string, byte[]> snapshot, Random random)
    {
        var positions = new List<(string, long)>();
        void Every(string suffix, long from, int count)
        {
            if (snapshot.TryGetValue(suffix, out byte[]? bytes))
            {
                positions.AddRange(Enumerable.Range(0, (int)Math.Min(count, bytes.Length - from)).Select(i => (suffix, from + i)));
            }
        }

        Every(".witness", 0, int.MaxValue);
        Every("", 0, 100);
        Every("-shm", 0, 136);
        Every("-wal", 0, 32);
        int pageSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(snapshot[""].AsSpan(16));
        for (long frame = 32; snapshot.TryGetValue("-wal", out byte[]? log) && frame + 24 <= log.Length; frame += 24 + pageSize)
        {
            Every("-wal", frame, 24);
        }

        string[] files = [.. snapshot.Keys];
        while (positions.Count < Trials)
        {
            string suffix = files[random.Next(files.Length)];
            positions.Add((suffix, random.NextInt64(snapshot[suffix].Length)));
        }

        return positions;
    }

    /// <summary>Writes the snapshot back (every file, so no trial sees another's repairs), with one byte flipped.</summary>
    private void Restore(Dictionary<string, byte[]> snapshot, (string Suffix, long Offset, byte Mask)? flip)
    {
        foreach (string suffix in Suffixes.Where(suffix => !snapshot.ContainsKey(suffix)))
        {
            File.Delete(VaultPath + suffix);
        }

        foreach ((string suffix, byte[] bytes) in snapshot)
        {
            byte[] copy = bytes;
            if (flip is { } f && f.Suffix == suffix)
            {
                copy = (byte[])bytes.Clone();
                copy[f.Offset] ^= f.Mask;
            }

            File.WriteAllBytes(VaultPath + suffix, copy);
        }
    }

    /// <summary>Everything a user can read from the vault, as text; <paramref name="sound"/> is the full check's verdict.</summary>
    private string Observe(out bool sound)
    {
        var text = new StringBuilder();
        using VaultFile file = VaultFile.Open(VaultPath);
        VaultInfo info = file.Info;
        text.Append(CultureInfo.InvariantCulture, $"{info.Email} {info.RecordCount} {info.SchemaVersion} {info.KdfParameters}\n");
        using VaultSession session = file.Unlock(TestVaults.Password);
        foreach (RecordSummary summary in session.Search(new RecordQuery()))
        {
            text.Append(CultureInfo.InvariantCulture, $"list {summary.Id} {summary.Name} {summary.Revision} {string.Join(',', summary.Tags)}\n");
        }

        foreach (RecordSummary summary in session.Search(new RecordQuery { Text = "notes" }))
        {
            text.Append(CultureInfo.InvariantCulture, $"text {summary.Id}\n");
        }

        foreach (Guid id in _ids)
        {
            try
            {
                Record record = session.Get(id);
                text.Append(Describe("get", record));
                text.Append(CultureInfo.InvariantCulture, $"by name {session.FindByName(record.Name)?.Id}\n");
            }
            catch (MSecureException exception) when (exception.Code == MSecureErrorCode.RecordNotFound)
            {
                text.Append(CultureInfo.InvariantCulture, $"get {id} not found\n");
            }

            foreach (Record version in session.GetHistory(id))
            {
                text.Append(Describe("history", version));
            }
        }

        text.Append(session.GetEmergencyKit().ToText()).Append('\n');
        sound = session.Verify().IsSound;
        return text.ToString();
    }

    private static string Describe(string what, Record record) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3} {4} [{5}] {6} {7:O} {8:O}\n", what, record.Id, record.Revision, record.Name, record.Template,
            string.Join(';', record.Fields.Select(field => field.Label + "=" + field.Value)), record.Notes, record.CreatedAt, record.ModifiedAt);

    private static bool IsIntegrityError(MSecureErrorCode code) => code is MSecureErrorCode.VaultCorrupted or MSecureErrorCode.VaultTampered
        or MSecureErrorCode.RecordTampered or MSecureErrorCode.VaultRolledBack or MSecureErrorCode.WrongPassword or MSecureErrorCode.VerifierMismatch
        or MSecureErrorCode.KdfParametersOutOfRange or MSecureErrorCode.VaultSchemaTooNew;

    private static string Name(string suffix) => suffix.Length == 0 ? "vault" : suffix.TrimStart('-', '.');

    private static string FirstDifference(string expected, string actual)
    {
        string[] left = expected.Split('\n'), right = actual.Split('\n');
        int i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i])
        {
            i++;
        }

        return $"expected '{(i < left.Length ? left[i] : "")}' but read '{(i < right.Length ? right[i] : "")}'";
    }

    private static string Summarize(int seed, Dictionary<string, Dictionary<string, int>> outcomes)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"seed={seed} trials={outcomes.Values.Sum(counts => counts.Values.Sum())}"));
        foreach ((string file, Dictionary<string, int> counts) in outcomes.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {file}: ");
            text.Append(string.Join(", ", counts.OrderByDescending(entry => entry.Value).Select(entry => $"{entry.Key}={entry.Value}")));
        }

        return text.ToString();
    }
}
