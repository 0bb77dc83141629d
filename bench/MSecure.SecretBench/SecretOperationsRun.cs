using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MSecure.SecretBench;

/// <summary>One run of Scripts/SecretOperations.ps1 in one pwsh: the timed write segments and reads it reported.</summary>
internal sealed partial class SecretOperationsRun
{
    private SecretOperationsRun(List<WriteSegment> writes, List<ReadBatch> reads)
    {
        Writes = writes;
        Reads = reads;
    }

    /// <summary>Writes of new secrets from <c>From</c> to <c>To</c> existing secrets.</summary>
    public IReadOnlyList<WriteSegment> Writes { get; }

    public IReadOnlyList<ReadBatch> Reads { get; }

    /// <summary>Runs the script with <paramref name="arguments"/> (its parameters) in a pwsh whose HOME is <paramref name="home"/>.</summary>
    public static SecretOperationsRun Start(Pwsh pwsh, IEnumerable<string> arguments, string home)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Scripts", "SecretOperations.ps1");
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["MSECURE_BENCH_PASSWORD"] = BenchVaults.Password,
        };
        ChildResult result = pwsh.RunFile(script, arguments, environment);
        var writes = new List<WriteSegment>();
        var reads = new List<ReadBatch>();
        foreach (string line in result.Output.Split('\n'))
        {
            if (SetLine().Match(line) is { Success: true } set)
            {
                writes.Add(new WriteSegment(Int(set, "from"), Int(set, "to"), Number(set, "ms")));
            }
            else if (GetLine().Match(line) is { Success: true } get)
            {
                reads.Add(new ReadBatch(Int(get, "secrets"), Int(get, "reads"), Number(get, "ms")));
            }
        }

        if (writes.Count == 0)
        {
            throw new InvalidOperationException("SecretOperations.ps1 reported no measurement: " + result.Output.Trim());
        }

        return new SecretOperationsRun(writes, reads);
    }

    public WriteSegment WriteEndingAt(int secrets) => Writes.Single(segment => segment.To == secrets);

    public ReadBatch ReadAt(int secrets) => Reads.Single(batch => batch.Secrets == secrets);

    /// <summary>Every write from none to <paramref name="secrets"/>, as one segment.</summary>
    public WriteSegment AllWritesTo(int secrets) =>
        new(0, secrets, Writes.Where(segment => segment.To <= secrets).Sum(segment => segment.Milliseconds));

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^result op=set from=(?<from>\d+) to=(?<to>\d+) ms=(?<ms>[0-9.E+-]+)\s*$")]
    private static partial Regex SetLine();

    [GeneratedRegex(@"^result op=get secrets=(?<secrets>\d+) reads=(?<reads>\d+) ms=(?<ms>[0-9.E+-]+)\s*$")]
    private static partial Regex GetLine();
}

/// <summary>Writes that took the store from <paramref name="From"/> to <paramref name="To"/> secrets.</summary>
internal sealed record WriteSegment(int From, int To, double Milliseconds)
{
    public int Count => To - From;

    public double MillisecondsPerWrite => Milliseconds / Count;

    public double WritesPerSecond => Count / (Milliseconds / 1000);
}

/// <summary><paramref name="Count"/> reads in a store of <paramref name="Secrets"/> secrets.</summary>
internal sealed record ReadBatch(int Secrets, int Count, double Milliseconds)
{
    public double MillisecondsPerRead => Milliseconds / Count;
}
