using System;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Fills <paramref name="destination"/> with random bytes. Production code uses
/// <see cref="System.Security.Cryptography.RandomNumberGenerator.Fill"/>; tests inject
/// chosen bytes to prove how they are consumed.
/// </summary>
internal delegate void RandomBytesSource(Span<byte> destination);
