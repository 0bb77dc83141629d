namespace MSecure.Benchmarks;

/// <summary>One Argon2id cost setting: memory in KiB, passes, lanes (and threads, for those that have them).</summary>
internal readonly record struct Argon2Cost(uint MemoryKiB, uint Passes, uint Lanes)
{
    public override string ToString() => $"m={MemoryKiB} t={Passes} p={Lanes}";
}
