using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;

namespace MSecure.ImportBench;

/// <summary>One case, in its own process: a fresh vault, the import timed alone, then the process's peak working set.</summary>
internal static class ImportCase
{
    private const string Password = "correct horse battery staple";

    public static int RunChild(string name, int rows, string folder, string? file)
    {
        string vaultPath = Path.Combine(folder, name + "-" + Guid.NewGuid().ToString("N") + ".msecure");
        try
        {
            using VaultCreation creation = VaultFile.Create(vaultPath, "bench@example.com", Password, KdfParameters.Minimum);
            VaultSession session = creation.Session;
            using var self = Process.GetCurrentProcess();
            TimeSpan cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int stored = name switch
            {
                "addmany" => session.AddMany(BenchRows.Drafts(rows)).Count,
                "engine" => session.Import(BenchRows.Drafts(rows).Select((draft, i) => ImportItem.Read(Location(i), draft, draft.Template.ToString())), "bench").Added,
                "file" => ImportFile(session, file!),
                _ => throw new ArgumentException("unknown case " + name),
            };
            clock.Stop();
            if (stored != rows)
            {
                Console.Error.WriteLine($"stored {stored} of {rows} rows");
                return 2;
            }

            self.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows={rows} ms={clock.Elapsed.TotalMilliseconds:0.0} cpu_ms={(self.TotalProcessorTime - cpuBefore).TotalMilliseconds:0.0} peak_mb={self.PeakWorkingSet64 / (1024.0 * 1024.0):0.0}"));
            return 0;
        }
        catch (MSecureException exception)
        {
            Console.Error.WriteLine(exception.Code + ": " + exception.Message.Split('\n')[0]);
            return 1;
        }
        finally
        {
            foreach (string companion in new[] { vaultPath, vaultPath + "-wal", vaultPath + "-shm" })
            {
                File.Delete(companion);
            }
        }
    }

    private static int ImportFile(VaultSession session, string argument)
    {
        int colon = argument.IndexOf(':', StringComparison.Ordinal);
        ImportFormat format = Enum.Parse<ImportFormat>(argument[..colon]);
        ImportReport report = session.ImportFile(argument[(colon + 1)..], format);
        return report.Added;
    }

    private static string Location(int index) => "line " + (index + 1).ToString(CultureInfo.InvariantCulture);
}
