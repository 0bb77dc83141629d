using System;
using MSecure.Core.Cryptography;
using KonsciousArgon2id = Konscious.Security.Cryptography.Argon2id;
using NSecArgon2Parameters = NSec.Cryptography.Argon2Parameters;
using OurArgon2Parameters = MSecure.Core.Cryptography.Argon2Parameters;
using PasswordBasedKeyDerivationAlgorithm = NSec.Cryptography.PasswordBasedKeyDerivationAlgorithm;

namespace MSecure.Benchmarks;

/// <summary>
/// One Argon2id implementation, called with a password, a salt and a cost, writing a 32-byte tag
/// (no secret, no associated data: what every peer supports).
/// </summary>
internal sealed class Argon2Peer
{
    private readonly Action<Argon2Cost, byte[], byte[], byte[]> _hash;
    private readonly Func<Argon2Cost, bool> _supports;

    private Argon2Peer(string name, Action<Argon2Cost, byte[], byte[], byte[]> hash, Func<Argon2Cost, bool> supports)
    {
        Name = name;
        _hash = hash;
        _supports = supports;
    }

    /// <summary>MSecure.Core's Argon2id, one thread per lane.</summary>
    public static Argon2Peer Ours { get; } = new(
        "ours",
        (cost, password, salt, tag) => Argon2.Hash(Argon2Type.Argon2id, new OurArgon2Parameters(cost.MemoryKiB, cost.Passes, cost.Lanes), password, salt, [], [], tag),
        _ => true);

    /// <summary>Konscious.Security.Cryptography.Argon2, the managed Argon2 the customer named; one thread per lane.</summary>
    public static Argon2Peer Konscious { get; } = new(
        "konscious",
        (cost, password, salt, tag) =>
        {
            using var argon2 = new KonsciousArgon2id(password)
            {
                Salt = salt,
                MemorySize = checked((int)cost.MemoryKiB),
                Iterations = checked((int)cost.Passes),
                DegreeOfParallelism = checked((int)cost.Lanes),
            };
            argon2.GetBytes(tag.Length).CopyTo(tag, 0);
        },
        _ => true);

    /// <summary>libsodium's Argon2id (crypto_pwhash) through NSec: one lane only, as libsodium has no parallelism parameter.</summary>
    public static Argon2Peer Libsodium { get; } = new(
        "libsodium",
        (cost, password, salt, tag) =>
        {
            var parameters = new NSecArgon2Parameters { DegreeOfParallelism = 1, MemorySize = cost.MemoryKiB, NumberOfPasses = cost.Passes };
            PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters).DeriveBytes(password, salt, tag);
        },
        cost => cost.Lanes == 1);

    /// <summary>Debian's reference libargon2 (libargon2-1), one thread per lane.</summary>
    public static Argon2Peer LibArgon2 { get; } = new(
        "libargon2",
        (cost, password, salt, tag) => MSecure.Interop.LibArgon2.Hash((int)Argon2Type.Argon2id, cost.MemoryKiB, cost.Passes, cost.Lanes, cost.Lanes, password, salt, [], [], tag),
        _ => true);

    public string Name { get; }

    public bool Supports(Argon2Cost cost) => _supports(cost);

    public void Hash(Argon2Cost cost, byte[] password, byte[] salt, byte[] tag) => _hash(cost, password, salt, tag);
}
