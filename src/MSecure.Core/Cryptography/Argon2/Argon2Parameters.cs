namespace MSecure.Core.Cryptography;

/// <summary>
/// The cost parameters of one Argon2 computation (RFC 9106 section 3.1).
/// Validated when hashing, not here, so a value can be built and inspected freely.
/// </summary>
/// <param name="MemorySizeKiB">m: memory in kibibytes, at least 8 × lanes.</param>
/// <param name="NumberOfPasses">t: passes over memory, at least 1.</param>
/// <param name="DegreeOfParallelism">p: lanes, 1 to 2^24 - 1.</param>
public readonly record struct Argon2Parameters(uint MemorySizeKiB, uint NumberOfPasses, uint DegreeOfParallelism);
