using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Access;

/// <summary>
/// Creates, lists and revokes the vault's read-only access keys, and keeps the account server's
/// copy of their grants current. A key of a vault registered with a server is registered there
/// first (only the SHA-256 of its auth key), so its token reads through the server; any other key
/// reads the vault file.
/// </summary>
internal static class AccessKeyManager
{
    /// <summary>The longest key name.</summary>
    internal const int MaximumNameLength = 100;

    /// <summary>The longest lifetime a key may be given.</summary>
    internal static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(3660);

    internal static AccessKeyIssue Create(UnlockedVault vault, AccountLink account, string name, string tag, TimeSpan? lifetime)
    {
        Validate(name, tag, lifetime);
        List<AccessKeyEntry> existing = vault.Read(() => AccessKeyEntries.ReadAll(vault));
        try
        {
            if (existing.Exists(entry => string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw MSecureErrors.InvalidArgument("Name", "another access key of the vault has this name (Get-MSecureAccessKey lists them)");
            }
        }
        finally
        {
            AccessKeyEntries.Wipe(existing);
        }

        ServerBinding? server = vault.Read(() =>
        {
            vault.EnsureMetadataMatches(vault.ReadState());
            return MetaStore.Read(vault.Database).Server;
        });
        byte[] secret = GC.AllocateArray<byte>(AccessKeyToken.SecretLength, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(secret);
            var id = Guid.NewGuid();
            long now = VaultClock.NowMilliseconds();
            long expires = lifetime is { } span ? now + (long)span.TotalMilliseconds : 0;
            using var entry = new AccessKeyEntry(id, name, tag, now, expires, server is not null, secret);
            if (server is not null)
            {
                using AccessKeyKeys keys = AccessKeyKeys.Derive(secret, id, vault.AccountId);
                var request = new RegisterAccessKeyRequest { AuthKeyHash = keys.AuthHash(), ExpiresAt = entry.ToInfo().Expires };
                account.CallServer(vault, (client, token) =>
                {
                    client.RegisterAccessKey(token, id, request);
                    return 0;
                });
            }

            vault.Write(() =>
            {
                AccessKeyStore.Insert(vault.Database, id, expires, entry.Seal(vault.Codec.Cipher.Keys.RecordEncryption, vault.VaultId));
                return AccessGrantWriter.SealAll(vault, entry);
            });

            bool uploaded = server is null || TryUpload(vault, account, entry);
            using var text = new AccessKeyToken(id, vault.AccountId, server?.Server, server?.CertificateFingerprint, secret);
            return new AccessKeyIssue(entry.ToInfo(), text.Format()) { GrantsUploaded = uploaded };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    internal static IReadOnlyList<AccessKeyInfo> List(UnlockedVault vault)
    {
        List<AccessKeyEntry> entries = vault.Read(() => AccessKeyEntries.ReadAll(vault));
        try
        {
            return entries.Select(entry => entry.ToInfo()).OrderBy(info => info.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }
        finally
        {
            AccessKeyEntries.Wipe(entries);
        }
    }

    /// <summary>
    /// Revokes key <paramref name="id"/>: on the server first (its rows go at once: the next read is
    /// refused), then the key and its grants leave the vault, so no later change is sealed for it.
    /// </summary>
    internal static void Revoke(UnlockedVault vault, AccountLink account, Guid id)
    {
        bool onServer;
        List<AccessKeyEntry> entries = vault.Read(() => AccessKeyEntries.ReadAll(vault));
        try
        {
            AccessKeyEntry entry = entries.Find(candidate => candidate.Id == id) ?? throw MSecureErrors.AccessKeyNotFound(id.ToString("D"));
            onServer = entry.OnServer;
        }
        finally
        {
            AccessKeyEntries.Wipe(entries);
        }

        if (onServer)
        {
            account.CallServer(vault, (client, token) =>
            {
                client.RevokeAccessKey(token, id);
                return 0;
            });
        }

        vault.Write(() => AccessKeyStore.Delete(vault.Database, id));
    }

    /// <summary>Uploads the grants of every unexpired key registered on the server (after a sync).</summary>
    internal static void UploadAll(UnlockedVault vault, AccountLink account)
    {
        List<AccessKeyEntry> entries = vault.Read(() => AccessKeyEntries.ReadAll(vault));
        try
        {
            long now = VaultClock.NowMilliseconds();
            foreach (AccessKeyEntry entry in entries.Where(entry => entry.OnServer && !entry.IsExpired(now)))
            {
                Upload(vault, account, entry);
            }
        }
        finally
        {
            AccessKeyEntries.Wipe(entries);
        }
    }

    private static bool TryUpload(UnlockedVault vault, AccountLink account, AccessKeyEntry entry)
    {
        try
        {
            Upload(vault, account, entry);
            return true;
        }
        catch (MSecureException)
        {
            // The key is registered and its grants are in the vault: the next sync uploads them.
            return false;
        }
    }

    private static void Upload(UnlockedVault vault, AccountLink account, AccessKeyEntry entry)
    {
        List<AccessGrant> grants = vault.Read(() => AccessKeyStore.ReadGrants(vault.Database, entry.Id));
        var request = new PutAccessGrantsRequest
        {
            Grants = grants.Select(grant => new AccessGrantMessage
            {
                RecordId = grant.RecordId,
                Revision = grant.Revision,
                Expiry = grant.ExpiresAtMs,
                Envelope = grant.Envelope,
            }).ToList(),
        };
        account.CallServer(vault, (client, token) =>
        {
            client.PutAccessGrants(token, entry.Id, request);
            return 0;
        });
    }

    private static void Validate(string name, string tag, TimeSpan? lifetime)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaximumNameLength || name.Any(char.IsControl))
        {
            throw MSecureErrors.InvalidArgument("Name", "1 to 100 characters, not all spaces, without control characters");
        }

        if (string.IsNullOrWhiteSpace(tag) || tag.Length > RecordLimits.MaximumTagLength || tag.Any(char.IsControl))
        {
            throw MSecureErrors.InvalidArgument("Tag", "1 to 128 characters, not all spaces, without control characters");
        }

        if (lifetime is { } span && (span <= TimeSpan.Zero || span > MaximumLifetime))
        {
            throw MSecureErrors.InvalidArgument("Expires", "a positive time span of at most 3660 days");
        }
    }
}
