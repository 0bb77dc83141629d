using System;
using System.Globalization;
using System.IO;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.VaultTestWorker;

/// <summary>
/// <c>add &lt;vault&gt; &lt;count&gt; &lt;name prefix&gt; [&lt;start file&gt;]</c>: unlocks the vault, prints
/// "ready", waits until the start file exists (when given), then adds records one per transaction
/// and prints each record's id after its commit, flushed, so a killed worker has reported only what is on disk.
/// With MSECURE_TEST_HOLD=1 it then keeps its session open until it is killed.
/// </summary>
internal static class AddCommand
{
    internal static int Run(string[] args, string password)
    {
        if (args.Length is < 4 or > 5)
        {
            Console.Error.WriteLine("usage: add <vault> <count> <name prefix> [<start file>]");
            return 2;
        }

        int count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        try
        {
            using VaultSession session = WorkerVault.Unlock(args[1], password);
            output.WriteLine("ready");
            if (args.Length == 5)
            {
                WaitFor(args[4]);
            }

            for (int i = 0; i < count; i++)
            {
                RecordDraft draft = RecordDraft.FromTemplate(string.Format(CultureInfo.InvariantCulture, "{0} {1:D6}", args[3], i), RecordTemplate.Login);
                draft.SetField("Username", "user " + i.ToString(CultureInfo.InvariantCulture));
                draft.SetField("Password", "password " + i.ToString(CultureInfo.InvariantCulture));
                draft.Notes = new string('n', 500);
                Record record = session.Add(draft);
                output.WriteLine(record.Id.ToString());
            }

            output.WriteLine("done");
            if (Environment.GetEnvironmentVariable("MSECURE_TEST_HOLD") == "1")
            {
                // Keep the session open until killed, as a process that dies with its session open does.
                Thread.Sleep(Timeout.Infinite);
            }

            return 0;
        }
        catch (MSecureException exception)
        {
            Console.Error.WriteLine($"{exception.Code}: {exception.Message}");
            return 1;
        }
    }

    private static void WaitFor(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The start file never appeared.");
            }

            Thread.Sleep(5);
        }
    }
}
