using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The cost of deriving the unlock key from the password. Stored next to the salt (and in the
/// emergency kit) so it can be raised later without breaking old vaults; checked against
/// <see cref="EnsureWithinBounds"/> before any memory is allocated, because stored values may
/// be corrupted or hostile.
/// </summary>
/// <param name="Algorithm">The password-hashing algorithm.</param>
/// <param name="MemoryKiB">Memory in kibibytes (Argon2's m).</param>
/// <param name="Passes">Passes over memory (Argon2's t).</param>
/// <param name="Lanes">Lanes (Argon2's p, the degree of parallelism).</param>
public readonly record struct KdfParameters(KdfAlgorithm Algorithm, uint MemoryKiB, uint Passes, uint Lanes)
{
    /// <summary>The smallest accepted memory: 19 MiB, the OWASP floor for Argon2id.</summary>
    public const uint MinimumMemoryKiB = 19_456;

    /// <summary>The largest accepted memory: 2 GiB, RFC 9106's first recommendation.</summary>
    public const uint MaximumMemoryKiB = 2_097_152;

    /// <summary>The smallest accepted number of passes.</summary>
    public const uint MinimumPasses = 1;

    /// <summary>The largest accepted number of passes.</summary>
    public const uint MaximumPasses = 32;

    /// <summary>The smallest accepted number of lanes.</summary>
    public const uint MinimumLanes = 1;

    /// <summary>The largest accepted number of lanes.</summary>
    public const uint MaximumLanes = 16;

    /// <summary>
    /// RFC 9106 section 4, second recommended option: Argon2id, 64 MiB, 3 passes, 4 lanes.
    /// </summary>
    public static KdfParameters Default { get; } = new(KdfAlgorithm.Argon2idVersion13, 65_536, 3, 4);

    /// <summary>The cheapest accepted parameters: 19 MiB, 1 pass, 1 lane.</summary>
    public static KdfParameters Minimum { get; } = new(KdfAlgorithm.Argon2idVersion13, MinimumMemoryKiB, MinimumPasses, MinimumLanes);

    /// <summary>
    /// Throws unless the algorithm is known and every cost is inside MSecure's bounds
    /// (memory 19 MiB to 2 GiB and at least 8 KiB per lane, passes 1 to 32, lanes 1 to 16).
    /// </summary>
    /// <exception cref="MSecureException">Code KdfParametersOutOfRange.</exception>
    public void EnsureWithinBounds()
    {
        if (Algorithm != KdfAlgorithm.Argon2idVersion13)
        {
            throw MSecureErrors.KdfAlgorithmUnknown((int)Algorithm);
        }

        EnsureInRange("lanes", Lanes, MinimumLanes, MaximumLanes);
        EnsureInRange("passes", Passes, MinimumPasses, MaximumPasses);
        EnsureInRange("memory (KiB)", MemoryKiB, MinimumMemoryKiB, MaximumMemoryKiB);
        // Argon2 needs two 1 KiB blocks per slice, four slices per lane: 8 KiB per lane.
        EnsureInRange("memory (KiB)", MemoryKiB, 8L * Lanes, MaximumMemoryKiB);
    }

    /// <summary>The same costs in the form the Argon2 implementation takes.</summary>
    internal Argon2Parameters ToArgon2Parameters() => new(MemoryKiB, Passes, Lanes);

    private static void EnsureInRange(string parameter, uint value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw MSecureErrors.KdfParametersOutOfRange(parameter, value, minimum, maximum);
        }
    }
}
