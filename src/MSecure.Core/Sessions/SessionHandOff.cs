using System;
using System.IO;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Vault;

namespace MSecure.Core.Sessions;

/// <summary>
/// Hands an unlocked session to later processes of the same job without the password or the KDF:
/// <see cref="Issue(VaultSession, TimeSpan)"/> seals the session's derived keys into a session file beside the vault under
/// a key only the returned token holds; <see cref="Open(string, ReadOnlySpan{char})"/> opens the vault with the token (the keys
/// pass the verifier and the vault attestation as after a password unlock). The file alone or the
/// token alone opens nothing. Expiry is checked on open and expired files are deleted when seen;
/// <see cref="Revoke"/> and <see cref="RevokeAll"/> delete files (what Lock-MSecureVault does).
/// See docs/ARCHITECTURE.md section 18.2.
/// </summary>
public static class SessionHandOff
{
    /// <summary>The environment variable later processes read the token from.</summary>
    public const string EnvironmentVariable = "MSECURE_SESSION";

    /// <summary>The lifetime of a token when none is given.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime a token may have.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    /// <summary>How old a temporary file left by a killed writer must be before it is deleted.</summary>
    private static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromMinutes(10);

    /// <summary>Seals the unlocked session's keys into a new session file for its vault; returns the token (dispose it when done).</summary>
    /// <exception cref="MSecureException">InvalidArgument (lifetime not above zero or over 24 hours), VaultLocked, VaultStorageFailed.</exception>
    public static SessionToken Issue(VaultSession session, TimeSpan lifetime) => Issue(session, lifetime, TimeProvider.System);

    /// <summary>Opens the vault at <paramref name="vaultPath"/> with <paramref name="token"/>, without the KDF.</summary>
    /// <exception cref="MSecureException">
    /// SessionInvalid (malformed, another vault's, revoked, altered file, Account Key rotated since), SessionExpired,
    /// and the errors of opening and attesting the vault (VaultNotFound, VaultCorrupted, VaultTampered, VaultRolledBack).
    /// </exception>
    public static VaultSession Open(string vaultPath, ReadOnlySpan<char> token) => Open(vaultPath, token, TimeProvider.System);

    /// <summary>Whether <paramref name="token"/> names a session file of the vault at <paramref name="vaultPath"/>; false for a malformed token, never throws.</summary>
    public static bool IsFor(string vaultPath, ReadOnlySpan<char> token)
    {
        try
        {
            return WithParsed(token, (id, _) => File.Exists(SessionFile.PathOf(Path.GetFullPath(vaultPath), id)), false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Deletes the session file of <paramref name="token"/>; false when there was none (or the token is malformed).</summary>
    /// <exception cref="MSecureException">VaultStorageFailed when the file cannot be deleted.</exception>
    public static bool Revoke(string vaultPath, ReadOnlySpan<char> token)
    {
        string fullPath = Path.GetFullPath(vaultPath);
        return WithParsed(token, (id, _) => Delete(fullPath, SessionFile.PathOf(fullPath, id)), false);
    }

    /// <summary>Deletes every session file of the vault at <paramref name="vaultPath"/>; returns how many.</summary>
    /// <exception cref="MSecureException">VaultStorageFailed when one cannot be deleted.</exception>
    public static int RevokeAll(string vaultPath)
    {
        string fullPath = Path.GetFullPath(vaultPath);
        string folder = SessionFile.FolderOf(fullPath);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        int count = 0;
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            bool isSession = SessionTokenFormat.IsIdText(Path.GetFileName(file));
            if ((isSession || Path.GetFileName(file).StartsWith(SessionFile.TemporaryPrefix, StringComparison.Ordinal)) && Delete(fullPath, file) && isSession)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary><see cref="Issue(VaultSession, TimeSpan)"/> on <paramref name="time"/>'s clock (tests inject one).</summary>
    internal static SessionToken Issue(VaultSession session, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw MSecureErrors.InvalidArgument("lifetime", "a session token lives more than zero and at most 24 hours.");
        }

        return session.Use(vault =>
        {
            byte[] sessionId = RandomNumberGenerator.GetBytes(SessionTokenFormat.IdLength);
            byte[] secret = GC.AllocateArray<byte>(SessionTokenFormat.SecretLength, pinned: true);
            try
            {
                RandomNumberGenerator.Fill(secret);
                DateTimeOffset expires = DateTimeOffset.FromUnixTimeMilliseconds((time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds());
                byte[] bytes = SessionFile.Seal(vault.Codec.Cipher.Keys, vault.VaultId, sessionId, secret, expires);
                string path = SessionFile.PathOf(vault.Path, sessionId);
                try
                {
                    SessionFile.Write(path, bytes);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw MSecureErrors.VaultStorageFailed(vault.Path, "its session file could not be written (" + exception.GetType().Name + ").", exception);
                }

                CleanUp(vault.Path, time);
                return new SessionToken(sessionId, secret, expires, vault.Path);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        });
    }

    /// <summary><see cref="Open(string, ReadOnlySpan{char})"/> on <paramref name="time"/>'s clock (tests inject one).</summary>
    internal static VaultSession Open(string vaultPath, ReadOnlySpan<char> token, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(vaultPath);
        string fullPath = Path.GetFullPath(vaultPath);
        try
        {
            return WithParsed(token, (id, secret) => Open(fullPath, id, secret, time),
                () => throw MSecureErrors.SessionInvalid(fullPath, "it is not a session token (mss1.…)."));
        }
        finally
        {
            CleanUp(fullPath, time);
        }
    }

    private static VaultSession Open(string fullPath, byte[] sessionId, byte[] secret, TimeProvider time)
    {
        SessionFile session = Read(fullPath, sessionId)
            ?? throw MSecureErrors.SessionInvalid(fullPath, "this vault has no session with that token: it was locked, it expired, or the token is another vault's.");
        using VaultFile file = VaultFile.Open(fullPath);
        try
        {
            return file.UnlockWithKeys(metadata =>
            {
                if (session.VaultId != metadata.VaultId)
                {
                    throw MSecureErrors.SessionInvalid(fullPath, "its session file belongs to another vault.");
                }

                AccountKeys keys = session.TryOpen(secret, metadata.AccountId)
                    ?? throw MSecureErrors.SessionInvalid(fullPath, "the token does not open its session file (another token, or the file was altered).");
                if (time.GetUtcNow() >= session.Expires)
                {
                    keys.Dispose();
                    TryDelete(SessionFile.PathOf(fullPath, sessionId));
                    throw MSecureErrors.SessionExpired(fullPath, session.Expires);
                }

                return keys;
            });
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VerifierMismatch)
        {
            throw MSecureErrors.SessionInvalid(fullPath, "the vault's Account Key was replaced after the session began.");
        }
    }

    /// <summary>The session file of <paramref name="sessionId"/>, or null when there is none; SessionInvalid when it is damaged.</summary>
    private static SessionFile? Read(string fullPath, byte[] sessionId)
    {
        string path = SessionFile.PathOf(fullPath, sessionId);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length != SessionFile.FileLength)
            {
                throw MSecureErrors.SessionInvalid(fullPath, "its session file is damaged.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw MSecureErrors.VaultStorageFailed(fullPath, "its session file could not be read (" + exception.GetType().Name + ").", exception);
        }

        return SessionFile.Parse(bytes, sessionId) ?? throw MSecureErrors.SessionInvalid(fullPath, "its session file is damaged.");
    }

    /// <summary>Deletes expired session files and stale temporary files of the vault; best effort, never throws.</summary>
    private static void CleanUp(string fullPath, TimeProvider time)
    {
        try
        {
            string folder = SessionFile.FolderOf(fullPath);
            if (!Directory.Exists(folder))
            {
                return;
            }

            DateTimeOffset now = time.GetUtcNow();
            foreach (string file in Directory.EnumerateFiles(folder))
            {
                string name = Path.GetFileName(file);
                bool expired = SessionTokenFormat.IsIdText(name)
                    ? SafeExpiry(file) is { } expires && expires <= now
                    : name.StartsWith(SessionFile.TemporaryPrefix, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < (now - StaleTemporaryAge).UtcDateTime;
                if (expired)
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy: an expired file opens nothing anyway.
        }
    }

    private static DateTimeOffset? SafeExpiry(string file)
    {
        try
        {
            return SessionFile.ReadExpiry(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Delete(string fullPath, string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return false;
            }

            File.Delete(file);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw MSecureErrors.VaultStorageFailed(fullPath, "a session file could not be deleted (" + exception.GetType().Name + ").", exception);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next clean-up.
        }
    }

    /// <summary>Parses the token into pinned id and secret buffers, runs <paramref name="use"/>, and wipes them.</summary>
    private static T WithParsed<T>(ReadOnlySpan<char> token, Func<byte[], byte[], T> use, T whenMalformed) =>
        WithParsed(token, use, () => whenMalformed);

    private static T WithParsed<T>(ReadOnlySpan<char> token, Func<byte[], byte[], T> use, Func<T> whenMalformed)
    {
        byte[] sessionId = new byte[SessionTokenFormat.IdLength];
        byte[] secret = GC.AllocateArray<byte>(SessionTokenFormat.SecretLength, pinned: true);
        try
        {
            return SessionTokenFormat.TryParse(token, sessionId, secret) ? use(sessionId, secret) : whenMalformed();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
