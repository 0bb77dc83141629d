namespace MSecure.SyncBench;

/// <summary>What every bench vault shares.</summary>
internal static class BenchVaults
{
    public const string Password = "correct horse battery staple";
}
