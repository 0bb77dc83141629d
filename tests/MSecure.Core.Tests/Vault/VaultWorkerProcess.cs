using System.Collections.Generic;
using System.Globalization;

namespace MSecure.Core.Tests.Vault;

/// <summary>The verbs the vault tests start: add records one transaction at a time, and churn.</summary>
internal sealed partial class VaultWorkerProcess
{
    public static VaultWorkerProcess Start(string vaultPath, int count, string prefix, string? startFile = null,
        string password = TestVaults.Password, bool globalizationInvariant = false, bool holdWhenDone = false)
    {
        List<string> arguments = ["add", vaultPath, count.ToString(CultureInfo.InvariantCulture), prefix];
        if (startFile is not null)
        {
            arguments.Add(startFile);
        }

        return StartWorker(arguments, password, globalizationInvariant, holdWhenDone);
    }

    /// <summary>A churning worker (see the worker's ChurnCommand): one session, a seeded mix of writes and re-opens, an acknowledgement per commit.</summary>
    public static VaultWorkerProcess StartChurn(string vaultPath, string workerName, int operations, int seed, int pauseMilliseconds) =>
        StartWorker(["churn", vaultPath, workerName, Invariant(operations), Invariant(seed), Invariant(pauseMilliseconds)], TestVaults.Password, false, false);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
