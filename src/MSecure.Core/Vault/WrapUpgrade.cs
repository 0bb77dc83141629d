using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// A wrapped Account Key found without the email bound (<paramref name="Replaced"/>, the envelope
/// as stored) and the same key wrapped again with it (<paramref name="Upgraded"/>), from the unlock.
/// </summary>
/// <param name="Replaced">The stored envelope the password opened.</param>
/// <param name="Upgraded">The re-wrapped key to store instead.</param>
internal sealed record WrapUpgrade(ReadOnlyMemory<byte> Replaced, WrappedAccountKey Upgraded)
{
    /// <summary>
    /// Inside a write transaction: stores the upgraded key, unless the stored one is no longer the
    /// one replaced (another process changed the password meanwhile: its key stays). Returns whether it wrote.
    /// </summary>
    internal bool ApplyIfCurrent(VaultDatabase database)
    {
        if (!MetaStore.Read(database).WrappedAccountKey.AsSpan().SequenceEqual(Replaced.Span))
        {
            return false;
        }

        MetaStore.UpdateWrappedKey(database, Upgraded);
        return true;
    }
}
