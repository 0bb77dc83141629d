using System;
using System.Collections.Generic;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Access;

/// <summary>Reads and re-seals the vault's access key rows with the session's keys.</summary>
internal static class AccessKeyEntries
{
    /// <summary>Every key of the vault, opened (the caller wipes them with <see cref="Wipe"/>).</summary>
    internal static List<AccessKeyEntry> ReadAll(UnlockedVault vault)
    {
        var entries = new List<AccessKeyEntry>();
        try
        {
            foreach ((Guid id, long expires, byte[] envelope) in AccessKeyStore.ReadAll(vault.Database))
            {
                entries.Add(AccessKeyEntry.Open(vault.Codec.Cipher.Keys.RecordEncryption, vault.VaultId, id, expires, envelope, vault.Path));
            }

            return entries;
        }
        catch
        {
            Wipe(entries);
            throw;
        }
    }

    /// <summary>Wipes the secrets of <paramref name="entries"/>.</summary>
    internal static void Wipe(List<AccessKeyEntry> entries)
    {
        foreach (AccessKeyEntry entry in entries)
        {
            entry.Dispose();
        }
    }

    /// <summary>Inside the Account Key rotation's transaction: re-seals every key row under the new record key.</summary>
    internal static void Reseal(UnlockedVault vault, RecordCodec newCodec)
    {
        List<AccessKeyEntry> entries = ReadAll(vault);
        try
        {
            foreach (AccessKeyEntry entry in entries)
            {
                AccessKeyStore.UpdateEnvelope(vault.Database, entry.Id, entry.Seal(newCodec.Cipher.Keys.RecordEncryption, vault.VaultId));
            }
        }
        finally
        {
            Wipe(entries);
        }
    }
}
