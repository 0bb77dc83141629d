using System.Threading;

namespace MSecure.Core.Storage;

/// <summary>Initialises the bundled SQLite native library once per process.</summary>
internal static class SqliteRuntime
{
    private static int _initialized;

    /// <summary>Calls <c>SQLitePCL.Batteries_V2.Init()</c> the first time only.</summary>
    internal static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }
    }
}
