using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// The SHA-256 of every metadata column a reader relies on, in <see cref="AssociatedDataBuilder"/>'s
/// length-prefixed encoding under the label "msecure/v1/vault-metadata": vault id, account id,
/// email, created time, KDF algorithm, memory, passes, lanes, salt, wrapped Account Key, verifier
/// and key epoch, then, once the vault is connected to an account server, the label "server" and the
/// server address, pinned fingerprint (empty for none), device id and name. An unconnected vault
/// hashes as before schema 4, so older sealed states stay valid. The sealed <see cref="VaultState"/> holds it, so metadata changed outside MSecure
/// (an email or KDF cost that would print an unusable kit, a swapped wrapped key) is VaultTampered.
/// </summary>
internal static class MetadataHash
{
    /// <summary>The label of the hashed encoding.</summary>
    internal const string Label = "msecure/v1/vault-metadata";

    /// <summary>The component that starts the server binding's part of the hash.</summary>
    internal const string ServerLabel = "server";

    /// <summary>The hash of <paramref name="metadata"/>.</summary>
    internal static byte[] Of(VaultMetadata metadata)
    {
        AssociatedDataBuilder builder = new AssociatedDataBuilder(Label)
            .AddId(metadata.VaultId)
            .AddId(metadata.AccountId)
            .AddText(metadata.Email)
            .AddInt64(metadata.CreatedAt.ToUnixTimeMilliseconds())
            .AddUInt32((uint)metadata.KdfParameters.Algorithm)
            .AddUInt32(metadata.KdfParameters.MemoryKiB)
            .AddUInt32(metadata.KdfParameters.Passes)
            .AddUInt32(metadata.KdfParameters.Lanes)
            .AddBytes(metadata.Salt)
            .AddBytes(metadata.WrappedAccountKey)
            .AddBytes(metadata.Verifier)
            .AddInt64(metadata.KeyEpoch);
        if (metadata.Server is { } server)
        {
            builder.AddText(ServerLabel)
                .AddText(server.Server.AbsoluteUri)
                .AddText(server.CertificateFingerprint ?? string.Empty)
                .AddId(server.DeviceId)
                .AddText(server.DeviceName);
        }

        return SHA256.HashData(builder.ToArray());
    }
}
