using System;
using System.Globalization;

namespace MSecure.ImportBench;

/// <summary>What a child process measured: rows per second of the import alone and its peak working set; or why it failed.</summary>
internal sealed record Measurement(double RowsPerSecond, double PeakMb, string? Failure, double CpuRowsPerSecond = 0)
{
    /// <summary>The child's line: <c>rows=&lt;n&gt; ms=&lt;ms&gt; cpu_ms=&lt;ms&gt; peak_mb=&lt;mb&gt;</c>.</summary>
    public static Measurement Parse(string output, string error, int exitCode)
    {
        if (exitCode != 0)
        {
            string reason = (error.Trim().Length > 0 ? error : output).Trim().Split('\n')[0];
            return new Measurement(0, 0, reason);
        }

        double rows = 0, milliseconds = 0, cpu = 0, peak = 0;
        foreach (string part in output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pair = part.Split('=');
            double value = double.Parse(pair[1], CultureInfo.InvariantCulture);
            switch (pair[0])
            {
                case "rows": rows = value; break;
                case "ms": milliseconds = value; break;
                case "cpu_ms": cpu = value; break;
                case "peak_mb": peak = value; break;
            }
        }

        return new Measurement(rows / (milliseconds / 1000), peak, null, rows / (cpu / 1000));
    }
}
