using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Reads and writes meta.sync_state inside the caller's transaction: an envelope under the record
/// key, associated data ("msecure/v1/sync-state", vault id), plaintext
/// {"v":1,"method":…,"cursor":…,"folder":{…}}. Not in the metadata hash: it changes every sync.
/// </summary>
internal static class SyncStateStore
{
    private const string Purpose = "msecure/v1/sync-state";

    private const string SelectSql = "SELECT sync_state FROM meta WHERE singleton = 1;";

    private const string UpdateSql = "UPDATE meta SET sync_state = $state WHERE singleton = 1;";

    /// <summary>The stored state of <paramref name="vault"/> under its current keys, or null before the first sync.</summary>
    internal static SyncState? Read(UnlockedVault vault) => Read(vault.Database, vault.Codec.Cipher.Keys, vault.VaultId);

    /// <summary>Replaces the stored state of <paramref name="vault"/>, sealed under its current keys.</summary>
    internal static void Write(UnlockedVault vault, SyncState state) => Write(vault.Database, vault.Codec.Cipher.Keys, vault.VaultId, state);

    /// <summary>The stored state, or null before the first sync.</summary>
    /// <exception cref="MSecureException">VaultTampered when it does not open.</exception>
    internal static SyncState? Read(VaultDatabase database, AccountKeys keys, Guid vaultId)
    {
        if (database.Command(SelectSql).ExecuteScalar() is not byte[] sealedState)
        {
            return null;
        }

        byte[] json;
        try
        {
            json = Envelope.Open(keys.RecordEncryption, AssociatedDataOf(vaultId), sealedState);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed or MSecureErrorCode.EnvelopeTruncated
            or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultTampered(database.Path, "its sync state does not authenticate");
        }

        try
        {
            return Parse(json) ?? throw MSecureErrors.VaultTampered(database.Path, "its sync state is not readable");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>Replaces the stored state.</summary>
    internal static void Write(VaultDatabase database, AccountKeys keys, Guid vaultId, SyncState state)
    {
        var document = new JsonObject
        {
            ["v"] = 1,
            ["method"] = state.Method,
            ["cursor"] = state.Cursor,
        };
        if (state.RotatedSinceSync)
        {
            document["rotated"] = true;
        }

        if (state.Folder is not null)
        {
            document["folder"] = state.Folder.DeepClone();
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(document, SyncStateJsonContext.Default.JsonObject);
        SqliteCommand command = database.Command(UpdateSql);
        command.Parameters.AddWithValue("$state", Envelope.Seal(keys.RecordEncryption, AssociatedDataOf(vaultId), json));
        command.ExecuteNonQuery();
    }

    private static SyncState? Parse(byte[] json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject document || document["v"]?.GetValue<int>() != 1
                || document["method"]?.GetValue<string>() is not { } method || document["cursor"]?.GetValue<long>() is not { } cursor || cursor < 0)
            {
                return null;
            }

            return new SyncState(method, cursor, document["folder"] as JsonObject is { } folder ? (JsonObject)folder.DeepClone() : null,
                document["rotated"]?.GetValue<bool>() ?? false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static byte[] AssociatedDataOf(Guid vaultId) => new AssociatedDataBuilder(Purpose).AddId(vaultId).ToArray();
}
