using System;
using System.Globalization;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.VaultTestWorker;

/// <summary>
/// <c>sync &lt;vault&gt; [&lt;folder&gt;]</c>: unlocks the vault, prints "syncing", syncs it with its
/// account server (or through the shared folder), printing each progress report as
/// <c>progress &lt;stage&gt; &lt;pulled&gt; &lt;pushed&gt;</c>, then <c>synced &lt;pulled&gt; &lt;pushed&gt; &lt;conflicts&gt;</c>;
/// every line flushed, so a test can kill it at any point of the sync. An engine error goes to
/// standard error with exit code 1.
/// </summary>
internal static class SyncCommand
{
    internal static int Run(string[] args, string password)
    {
        if (args.Length is < 2 or > 3)
        {
            Console.Error.WriteLine("usage: sync <vault> [<folder>]");
            return 2;
        }

        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        try
        {
            using VaultSession session = WorkerVault.Unlock(args[1], password);
            output.WriteLine("syncing");
            Action<SyncProgress> progress = report => output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "progress {0} {1} {2}", report.Stage, report.Pulled, report.Pushed));
            SyncResult result = args.Length == 3 ? session.SyncFolder(args[2], compact: false, progress) : session.Sync(progress);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "synced {0} {1} {2}", result.Pulled, result.Pushed, result.Conflicts.Count));
            return 0;
        }
        catch (MSecureException exception)
        {
            Console.Error.WriteLine($"{exception.Code}: {exception.Message}");
            return 1;
        }
    }
}
