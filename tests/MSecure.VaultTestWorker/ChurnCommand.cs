using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.VaultTestWorker;

/// <summary>
/// <c>churn &lt;vault&gt; &lt;worker name&gt; &lt;operations&gt; &lt;seed&gt; &lt;pause ms&gt;</c>: holds one session
/// and runs a seeded random mix of operations the way a PowerShell window does, pausing between
/// them: adds, updates and removes of records it created itself (named "&lt;worker name&gt; n"),
/// and the calls that open the vault again while the session is open (reading the vault's info
/// and its emergency kit through a new <see cref="VaultFile"/>, unlocking a second session, a
/// search). After each write commits it prints, flushed, one acknowledgement:
/// <c>add|update|remove &lt;id&gt; &lt;revision&gt; &lt;password value or -&gt;</c>. Prints "ready" once
/// unlocked and "done" at the end; an engine error goes to standard error with exit code 1.
/// </summary>
internal static class ChurnCommand
{
    internal static int Run(string[] args, string password)
    {
        if (args.Length != 6)
        {
            Console.Error.WriteLine("usage: churn <vault> <worker name> <operations> <seed> <pause ms>");
            return 2;
        }

        string path = args[1], worker = args[2];
        int operations = int.Parse(args[3], CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(args[4], CultureInfo.InvariantCulture));
        int pause = int.Parse(args[5], CultureInfo.InvariantCulture);
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        try
        {
            using VaultSession session = WorkerVault.Unlock(path, password);
            output.WriteLine("ready");
            var live = new List<Record>();
            int added = 0;
            for (int i = 0; i < operations; i++)
            {
                int choice = random.Next(100);
                if (choice < 40 || live.Count == 0)
                {
                    string value = Value(worker, i);
                    Record record = session.Add(Login(string.Format(CultureInfo.InvariantCulture, "{0} {1}", worker, added++), value));
                    live.Add(record);
                    Acknowledge(output, "add", record, value);
                }
                else if (choice < 70)
                {
                    int index = random.Next(live.Count);
                    string value = Value(worker, i);
                    Record record = session.Update(live[index].Id, Login(live[index].Name, value), live[index].Revision);
                    live[index] = record;
                    Acknowledge(output, "update", record, value);
                }
                else if (choice < 80)
                {
                    int index = random.Next(live.Count);
                    Record record = live[index];
                    session.Remove(record.Id, record.Revision);
                    live.RemoveAt(index);
                    output.WriteLine(string.Format(CultureInfo.InvariantCulture, "remove {0} {1} -", record.Id, record.Revision + 1));
                }
                else
                {
                    Visit(session, path, password, random.Next(3));
                }

                if (pause > 0)
                {
                    Thread.Sleep(random.Next(pause + 1));
                }
            }

            output.WriteLine("done");
            return 0;
        }
        catch (MSecureException exception)
        {
            Console.Error.WriteLine($"{exception.Code}: {exception.Message}");
            return 1;
        }
    }

    /// <summary>What a PowerShell window does besides writing: Get-MSecureVault, Export-MSecureEmergencyKit, Unlock-MSecureVault again, a search.</summary>
    private static void Visit(VaultSession session, string path, string password, int what)
    {
        switch (what)
        {
            case 0:
                using (VaultFile file = VaultFile.Open(path))
                {
                    _ = file.Info;
                }

                break;
            case 1:
                using (WorkerVault.Unlock(path, password))
                {
                }

                break;
            default:
                _ = session.Search(new RecordQuery { NamePattern = "*" });
                break;
        }
    }

    private static string Value(string worker, int operation) =>
        string.Format(CultureInfo.InvariantCulture, "{0}/{1}", worker, operation);

    private static RecordDraft Login(string name, string password)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", "churn");
        draft.SetField("Password", password);
        return draft;
    }

    private static void Acknowledge(StreamWriter output, string operation, Record record, string value) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}", operation, record.Id, record.Revision, value));
}
