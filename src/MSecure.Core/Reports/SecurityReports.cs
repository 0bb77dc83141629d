using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.OneTime;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Core.Reports;

/// <summary>
/// Makes security reports. A record's password is its non-empty field labelled Password (Login,
/// Email Account, Wireless Router, Server/Database, or one added to another template); card,
/// account and licence numbers are not passwords. Per covered record: weak
/// (<see cref="PasswordStrengthEstimator"/>), reused (<see cref="PasswordDigester"/> keyed hashes,
/// grouped over the whole vault), old (since when its history shows the current password without
/// a break) and, for logins, whether it has a one-time password seed.
/// </summary>
public static class SecurityReports
{
    /// <summary>What a report is doing: reading records (<c>Checking</c> false) or judging the covered ones.</summary>
    /// <param name="Checking">False while reading every record, true while judging the covered ones.</param>
    /// <param name="Done">Records read or judged so far.</param>
    /// <param name="Total">Records to read or judge.</param>
    public readonly record struct Progress(bool Checking, int Done, int Total);

    /// <summary>
    /// The report of <paramref name="session"/>'s vault for <paramref name="scope"/>, ages counted to
    /// <paramref name="now"/>; <paramref name="progress"/> hears of it every 100 records, on the calling thread.
    /// </summary>
    /// <exception cref="Errors.MSecureException">VaultLocked, RecordTampered, InvalidArgument (a malformed pattern).</exception>
    public static SecurityReport Run(VaultSession session, SecurityReportScope scope, DateTimeOffset now, Action<Progress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        IReadOnlyList<RecordSummary> summaries = session.Search(new RecordQuery());
        IEnumerable<Record> records = summaries.Select((summary, index) =>
        {
            Report(progress, new Progress(Checking: false, index, summaries.Count), due: index % 100 == 0);
            return session.Get(summary.Id);
        });
        return Build(records, session.GetHistory, scope, now, progress);
    }

    /// <summary>The report of <paramref name="records"/> (every live record), <paramref name="historyOf"/> giving a record's earlier versions, newest first.</summary>
    internal static SecurityReport Build(IEnumerable<Record> records, Func<Guid, IReadOnlyList<Record>> historyOf, SecurityReportScope scope, DateTimeOffset now,
        Action<Progress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(historyOf);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegative(scope.OlderThanDays);
        var clock = Stopwatch.StartNew();
        Func<Record, bool> covers = scope.Matcher();
        using var digester = new PasswordDigester();

        // Pass 1: every record's digest (reuse counts over the whole vault); covered records kept.
        var users = new Dictionary<PasswordDigest, int>();
        var covered = new List<(Record Record, PasswordDigest? Digest)>();
        int inVault = 0;
        foreach (Record record in records)
        {
            inVault++;
            PasswordDigest? digest = PasswordOf(record) is { } password ? digester.Digest(password) : null;
            if (digest is { } value)
            {
                users[value] = users.GetValueOrDefault(value) + 1;
            }

            if (covers(record))
            {
                covered.Add((record, digest));
            }
        }

        // Pass 2: the covered records' strengths on every core (zxcvbn is the cost), while this
        // thread reads histories for the ages (the session stays on the calling thread).
        var strengths = new PasswordStrength?[covered.Count];
        int estimated = 0, next = -1;
        using var stop = new CancellationTokenSource();

        // One estimator per worker for the whole run: each loads zxcvbn's dictionaries once
        // (Parallel.For's per-task state would be made again whenever it replaces a task).
        void Estimate()
        {
            var estimator = new PasswordStrengthEstimator();
            for (int index = Interlocked.Increment(ref next); index < covered.Count && !stop.IsCancellationRequested; index = Interlocked.Increment(ref next))
            {
                (Record record, PasswordDigest? digest) = covered[index];
                if (digest is not null)
                {
                    strengths[index] = estimator.Estimate(PasswordOf(record)!, UserInputsOf(record));
                }

                Interlocked.Increment(ref estimated);
            }
        }

        int workers = Math.Clamp(covered.Count / 64, 1, Environment.ProcessorCount);
        Task estimating = Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Estimate, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        var since = new DateTimeOffset?[covered.Count];
        try
        {
            for (int index = 0; index < covered.Count; index++)
            {
                if (covered[index].Digest is { } digest)
                {
                    since[index] = PasswordSince(covered[index].Record, digest, digester, historyOf);
                }

                Report(progress, new Progress(Checking: true, Volatile.Read(ref estimated), covered.Count), due: index % 100 == 0);
            }

            while (!estimating.Wait(TimeSpan.FromMilliseconds(250)))
            {
                Report(progress, new Progress(Checking: true, Volatile.Read(ref estimated), covered.Count), due: true);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }

        estimating.GetAwaiter().GetResult();
        var groups = new Dictionary<PasswordDigest, int>();
        var findings = new List<RecordSecurityFinding>(covered.Count);
        for (int index = 0; index < covered.Count; index++)
        {
            (Record record, PasswordDigest? digest) = covered[index];
            findings.Add(digest is { } value
                ? Judge(record, strengths[index]!, users[value] - 1, GroupOf(value, users[value], groups), since[index]!.Value, scope.OlderThanDays, now)
                : new RecordSecurityFinding(record, null, null, 0, null, null, isOld: false));
        }

        return new SecurityReport(findings, new SecurityReportSummary(findings, inVault, scope.OlderThanDays, now, clock.Elapsed));
    }

    private static void Report(Action<Progress>? progress, Progress state, bool due)
    {
        if (progress is not null && due)
        {
            progress(state);
        }
    }

    /// <summary>The reuse group of <paramref name="digest"/> (numbered in order of first appearance), or null when only one record has it.</summary>
    private static int? GroupOf(PasswordDigest digest, int users, Dictionary<PasswordDigest, int> groups)
    {
        if (users < 2)
        {
            return null;
        }

        if (!groups.TryGetValue(digest, out int group))
        {
            group = groups.Count + 1;
            groups.Add(digest, group);
        }

        return group;
    }

    private static RecordSecurityFinding Judge(Record record, PasswordStrength strength, int reusedCount, int? group, DateTimeOffset since, int olderThanDays, DateTimeOffset now)
    {
        TimeSpan age = now - since;
        return new RecordSecurityFinding(record, strength, group, reusedCount, since, age, age > TimeSpan.FromDays(olderThanDays));
    }

    /// <summary>
    /// Since when <paramref name="record"/> has held its current password: the oldest of the
    /// versions, walking back from the current one, that all hold it (a password changed and
    /// changed back counts from the change back).
    /// </summary>
    internal static DateTimeOffset PasswordSince(Record record, PasswordDigest digest, PasswordDigester digester, Func<Guid, IReadOnlyList<Record>> historyOf)
    {
        DateTimeOffset since = record.ModifiedAt;
        if (record.Revision <= 1)
        {
            return since;
        }

        foreach (Record version in historyOf(record.Id))
        {
            if (PasswordOf(version) is not { } earlier || digester.Digest(earlier) != digest)
            {
                break;
            }

            since = version.ModifiedAt;
        }

        return since;
    }

    /// <summary>The value of the record's non-empty field labelled Password, or null.</summary>
    internal static string? PasswordOf(Record record) =>
        record.GetField(RecordFieldNames.DefaultPasswordLabel) is { IsSecret: true, Value.Length: > 0 } field ? field.Value : null;

    /// <summary>
    /// Words of the record a password should not be built on: its name and user name, whole and in
    /// parts ("alice.smith@example.com" gives alice, smith and example too), in lower case.
    /// </summary>
    private static HashSet<string> UserInputsOf(Record record)
    {
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        AddWithParts(inputs, record.Name);
        if (record.GetField(RecordFieldNames.UserNameLabel(record.Template)) is { Value.Length: > 0 } user)
        {
            AddWithParts(inputs, user.Value);
        }

        return inputs;
    }

    private static void AddWithParts(HashSet<string> inputs, string text)
    {
        string lower = text.ToLowerInvariant();
        inputs.Add(lower);
        foreach (string part in lower.Split(UserInputSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 3)
            {
                inputs.Add(part);
            }
        }
    }

    private static readonly char[] UserInputSeparators = [' ', '@', '.', '_', '-', '+', '/', ':', '\\'];
}
