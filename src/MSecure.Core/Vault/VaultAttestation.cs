using MSecure.Core.Errors;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// What a session checks once, right after the password opened the keys, before anything is read:
/// the sealed <see cref="VaultState"/> authenticates and matches the metadata, and it is not older
/// than the newest state this device saw (<see cref="RevisionWitness"/>). A vault written before the
/// state was sealed (schema 2) is sealed here, after its schema-2 record-set anchor proved its rows;
/// a wrapped key without the email bound is re-wrapped in the same transaction. A vault with neither
/// a sealed state nor an anchor had them removed (VaultTampered).
/// </summary>
internal static class VaultAttestation
{
    /// <summary>Attests <paramref name="vault"/>; with <paramref name="acceptRollback"/>, an older state (or a damaged witness) is accepted and recorded as the newest.</summary>
    /// <exception cref="MSecureException">VaultRolledBack, VaultTampered.</exception>
    internal static void Attest(UnlockedVault vault, WrapUpgrade? wrapUpgrade, bool acceptRollback)
    {
        // Read before the state: a witness is written after its commit, so any state read later is
        // at least as new, unless the file went back.
        byte[]? witness = RevisionWitness.Read(vault.Path);
        if (vault.Read(() => MetaStore.ReadState(vault.Database).State) is null && SealLegacyVault(vault, witness, wrapUpgrade, acceptRollback))
        {
            return;
        }

        if (wrapUpgrade is not null)
        {
            vault.WriteMetadata(() => wrapUpgrade.ApplyIfCurrent(vault.Database));
        }

        VaultState state = vault.Read(() =>
        {
            VaultState stored = vault.ReadState();
            vault.EnsureMetadataMatches(stored);
            return stored;
        });
        CompareWithWitness(vault, witness, state.Revision, acceptRollback);
    }

    private static void CompareWithWitness(UnlockedVault vault, byte[]? witness, long revision, bool acceptRollback)
    {
        Cryptography.AccountKeys keys = vault.Codec.Cipher.Keys;
        RevisionWitness.Verdict verdict = RevisionWitness.Compare(witness, keys, vault.VaultId, vault.KeyEpoch, revision, out long witnessed);
        switch (verdict)
        {
            case RevisionWitness.Verdict.Ahead when !acceptRollback:
                throw MSecureErrors.VaultRolledBack(vault.Path, WitnessFile.PathFor(vault.Path), witnessed, revision);
            case RevisionWitness.Verdict.AheadInKeys when !acceptRollback:
                throw MSecureErrors.VaultRolledBack(vault.Path, WitnessFile.PathFor(vault.Path), null, revision);
            case RevisionWitness.Verdict.Damaged when !acceptRollback:
                throw MSecureErrors.VaultWitnessDamaged(vault.Path, WitnessFile.PathFor(vault.Path));
            case RevisionWitness.Verdict.Current:
                vault.Saw(revision);
                return;
            default:
                // Behind (or accepted): this state becomes the newest this device saw.
                RevisionWitness.Record(vault.Path, keys, vault.VaultId, vault.KeyEpoch, revision, force: acceptRollback);
                vault.Saw(revision);
                return;
        }
    }

    /// <summary>
    /// Seals a vault that has no sealed state; false when another process sealed it meanwhile. A
    /// witness of this vault proves this device saw it sealed before: the file was replaced by an
    /// older copy (VaultRolledBack unless accepted); a witness of another vault is not overwritten
    /// unasked either.
    /// </summary>
    private static bool SealLegacyVault(UnlockedVault vault, byte[]? witness, WrapUpgrade? wrapUpgrade, bool acceptRollback)
    {
        if (!acceptRollback && witness is not null)
        {
            throw RevisionWitness.IsOf(witness, vault.VaultId)
                ? MSecureErrors.VaultRolledBack(vault.Path, WitnessFile.PathFor(vault.Path), null, 0)
                : MSecureErrors.VaultWitnessDamaged(vault.Path, WitnessFile.PathFor(vault.Path));
        }

        long revision = 0;
        bool sealedHere = vault.Write(() =>
        {
            (byte[]? state, byte[]? legacyAnchor) = MetaStore.ReadState(vault.Database);
            if (state is not null)
            {
                return false;
            }

            // Every vault MSecure ever released was anchored from its creation (schema 2), so a vault
            // with neither a sealed state nor an anchor had them removed: never taken on trust.
            if (legacyAnchor is null)
            {
                throw MSecureErrors.VaultTampered(vault.Path, "its sealed vault state was removed");
            }

            (long legacyRevision, byte[] legacyDigest) = LegacyRecordSetAnchor.Open(vault.Codec.Cipher.Keys, vault.VaultId, legacyAnchor, vault.Path);
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(legacyDigest, vault.ComputeDigest(vault.Codec.Cipher.Keys, legacy: true)))
            {
                throw MSecureErrors.VaultTampered(vault.Path, "the records do not match the record-set digest");
            }

            wrapUpgrade?.ApplyIfCurrent(vault.Database);

            revision = vault.SealState(new VaultState(legacyRevision + 1, vault.ComputeDigest(), []));
            return true;
        });

        if (sealedHere)
        {
            RevisionWitness.Record(vault.Path, vault.Codec.Cipher.Keys, vault.VaultId, vault.KeyEpoch, revision, force: true);
            vault.Saw(revision);
        }

        return sealedHere;
    }
}
