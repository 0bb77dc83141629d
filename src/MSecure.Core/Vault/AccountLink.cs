using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Storage;
using MSecure.Core.Sync;

namespace MSecure.Core.Vault;

/// <summary>
/// The account server side of an unlocked vault: its stored <see cref="ServerBinding"/> and the
/// signed-in <see cref="AccountConnection"/> (token in memory only). Every change of the binding is
/// a metadata write that re-seals the vault state, after checking the metadata against it.
/// Called under the session's gate.
/// </summary>
internal sealed class AccountLink : IDisposable
{
    private AccountConnection? _connection;

    /// <summary>Timeouts and retries for new connections.</summary>
    internal AccountServerOptions Options { get; set; } = AccountServerOptions.Default;

    /// <summary>Keeps a connection made elsewhere (an enrollment that just signed in).</summary>
    internal void Attach(AccountConnection connection)
    {
        _connection?.Dispose();
        _connection = connection;
    }

    /// <summary>Registers the vault's account on <paramref name="server"/> and records the server in the vault.</summary>
    internal ServerBinding Register(UnlockedVault vault, Uri server, string? certificateFingerprint, string deviceName, string? inviteCode)
    {
        DeviceNames.Validate(deviceName);
        VaultMetadata metadata = ReadVerifiedMetadata(vault);
        var connection = new AccountConnection(new AccountServerClient(server, certificateFingerprint, Options), vault.Codec.Cipher.Keys,
            metadata.Email, deviceId: null, deviceName);
        try
        {
            byte[] publicKey;
            using (ServerAuthenticationKey key = ServerAuthenticationKey.Derive(vault.Codec.Cipher.Keys))
            {
                publicKey = key.ExportPublicKey();
            }

            byte[] signature = connection.Sign(SignedStatements.Registration(metadata.AccountId, metadata.Email, publicKey, metadata.Verifier));
            connection.Accept(connection.Client.Register(new RegisterAccountRequest
            {
                AccountId = metadata.AccountId,
                Email = metadata.Email,
                PublicKey = publicKey,
                Verifier = metadata.Verifier,
                DeviceName = deviceName,
                InviteCode = inviteCode,
                Signature = signature,
            }));
            ServerBinding binding = connection.Binding;
            WriteBinding(vault, binding);
            Attach(connection);
            connection = null;
            return binding;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>The account's devices.</summary>
    internal IReadOnlyList<AccountDevice> GetDevices(UnlockedVault vault)
    {
        AccountConnection connection = Connect(vault);
        DeviceListResponse list = Call(vault, connection, token => connection.Client.GetDevices(token));
        return list.Devices.Select(device => new AccountDevice(device.DeviceId, device.Name, device.EnrolledAt, device.LastSeenAt,
            device.RevokedAt, device.IsCurrent)).ToList();
    }

    /// <summary>Revokes device <paramref name="deviceId"/> (this one included).</summary>
    internal void RevokeDevice(UnlockedVault vault, Guid deviceId)
    {
        AccountConnection connection = Connect(vault);
        Call(vault, connection, token =>
        {
            connection.Client.RevokeDevice(token, deviceId);
            return 0;
        });
    }

    /// <summary>Runs one authorized call of the vault's account server (AccountNotRegistered when it has none).</summary>
    internal T CallServer<T>(UnlockedVault vault, Func<AccountServerClient, string, T> call)
    {
        AccountConnection connection = Connect(vault);
        return Call(vault, connection, token => call(connection.Client, token));
    }

    /// <summary>Syncs the vault through its account server (SyncNotConfigured when it has none).</summary>
    internal SyncResult Sync(UnlockedVault vault, Action<SyncProgress>? progress, bool acceptServerRollback = false)
    {
        if (ReadVerifiedMetadata(vault).Server is null)
        {
            throw MSecureErrors.SyncNotConfigured(vault.Path);
        }

        progress?.Invoke(new SyncProgress(SyncStage.Connecting, 0, 0, null));
        AccountConnection connection = Connect(vault);

        // Sync fetches the next page on another thread while this one applies a page to the vault,
        // so its calls must not write the vault: a device id the server replaced is recorded after.
        Guid? before = connection.DeviceId;
        try
        {
            return ServerSync.Run(vault, new AccountSyncServer(connection, call => connection.Authorized(call)), progress, acceptServerRollback);
        }
        finally
        {
            if (connection.DeviceId != before)
            {
                WriteBinding(vault, connection.Binding);
            }
        }
    }

    /// <summary>Forgets the server on this device: signs out (best effort) and clears the binding. The vault stays.</summary>
    internal void Disconnect(UnlockedVault vault)
    {
        VaultMetadata metadata = ReadVerifiedMetadata(vault);
        if (metadata.Server is null)
        {
            throw MSecureErrors.AccountNotRegistered(vault.Path);
        }

        _connection?.SignOut();
        _connection?.Dispose();
        _connection = null;
        WriteBinding(vault, null);
    }

    /// <summary>
    /// Rotates the Account Key locally and, for a connected vault, on the server inside the same
    /// write transaction (see <see cref="AccountKeyRotation.Run"/>): the server's key and verifier
    /// are replaced with a fresh challenge signed by the old and the new key before the local commit.
    /// </summary>
    internal EmergencyKit RotateAccountKey(UnlockedVault vault, ReadOnlySpan<char> password)
    {
        VaultMetadata metadata = ReadVerifiedMetadata(vault);
        if (metadata.Server is null)
        {
            return AccountKeyRotation.Run(vault, password);
        }

        AccountConnection connection = Connect(vault);
        // Signed in before the write transaction, so the write lock waits for one round trip less.
        connection.Authorized(_ => 0);
        ServerAuthenticationKey? newKey = null;
        SessionResponse? issued = null;
        try
        {
            EmergencyKit kit = AccountKeyRotation.Run(vault, password, (newKeys, newVerifier) =>
            {
                newKey = ServerAuthenticationKey.Derive(newKeys);
                byte[] newPublicKey = newKey.ExportPublicKey();
                issued = connection.Authorized(token =>
                {
                    ChallengeResponse challenge = connection.FreshChallenge();
                    byte[] statement = SignedStatements.KeyRotation(challenge.ChallengeId, challenge.Nonce, connection.AccountId, newPublicKey, newVerifier);
                    return connection.Client.RotateAccountKey(token, new RotateAccountKeyRequest
                    {
                        ChallengeId = challenge.ChallengeId,
                        NewPublicKey = newPublicKey,
                        NewVerifier = newVerifier,
                        OldKeySignature = connection.Sign(statement),
                        NewKeySignature = newKey.Sign(statement),
                    });
                });
            });
            connection.ReplaceKey(newKey!, issued!);
            newKey = null;
            return kit;
        }
        finally
        {
            newKey?.Dispose();
        }
    }

    /// <summary>Signs out (best effort) and wipes the connection's key.</summary>
    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>The signed-in connection for the vault's stored binding (made again when the binding changed).</summary>
    private AccountConnection Connect(UnlockedVault vault)
    {
        VaultMetadata metadata = ReadVerifiedMetadata(vault);
        ServerBinding binding = metadata.Server ?? throw MSecureErrors.AccountNotRegistered(vault.Path);
        if (_connection is { } existing && existing.Binding == binding)
        {
            return existing;
        }

        _connection?.Dispose();
        _connection = null;
        _connection = new AccountConnection(new AccountServerClient(binding.Server, binding.CertificateFingerprint, Options),
            vault.Codec.Cipher.Keys, metadata.Email, binding.DeviceId, binding.DeviceName);
        return _connection;
    }

    /// <summary>Runs an authorized call; when the server gave this device a new id (it did not know the old one), records it.</summary>
    private static T Call<T>(UnlockedVault vault, AccountConnection connection, Func<string, T> call)
    {
        Guid? before = connection.DeviceId;
        T result = connection.Authorized(call);
        if (connection.DeviceId != before)
        {
            WriteBinding(vault, connection.Binding);
        }

        return result;
    }

    /// <summary>The metadata, after checking it against the sealed vault state (a tampered binding is VaultTampered).</summary>
    private static VaultMetadata ReadVerifiedMetadata(UnlockedVault vault) => vault.Read(() =>
    {
        vault.EnsureMetadataMatches(vault.ReadState());
        return MetaStore.Read(vault.Database);
    });

    private static void WriteBinding(UnlockedVault vault, ServerBinding? binding) => vault.WriteMetadata(() =>
    {
        vault.EnsureMetadataMatches(vault.ReadState());
        MetaStore.UpdateServer(vault.Database, binding);
        return 0;
    });
}
