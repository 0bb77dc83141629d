using System;

namespace MSecure.VaultTestWorker;

/// <summary>
/// A separate process for the multi-process vault tests. The password comes from MSECURE_TEST_PASSWORD.
/// <list type="bullet">
/// <item><c>add &lt;vault&gt; &lt;count&gt; &lt;name prefix&gt; [&lt;start file&gt;]</c>: see <see cref="AddCommand"/>.</item>
/// <item><c>churn &lt;vault&gt; &lt;worker name&gt; &lt;operations&gt; &lt;seed&gt; &lt;pause ms&gt;</c>: see <see cref="ChurnCommand"/>.</item>
/// <item><c>sync &lt;vault&gt; [&lt;folder&gt;]</c>: see <see cref="SyncCommand"/>.</item>
/// </list>
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string password = Environment.GetEnvironmentVariable("MSECURE_TEST_PASSWORD") ?? string.Empty;
        return args.Length > 0 && args[0] == "add" ? AddCommand.Run(args, password)
            : args.Length > 0 && args[0] == "churn" ? ChurnCommand.Run(args, password)
            : args.Length > 0 && args[0] == "sync" ? SyncCommand.Run(args, password)
            : Usage();
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: add <vault> <count> <name prefix> [<start file>] | churn <vault> <worker name> <operations> <seed> <pause ms> | sync <vault> [<folder>]");
        return 2;
    }
}
