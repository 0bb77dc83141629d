using System;
using System.Collections.Generic;
using MSecure.Core.Access;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Opens the vaults one invocation uses, each once: with the session token in MSECURE_SESSION
/// when it is for that vault (no KDF), else with the password (read once, then reused for every
/// vault). The reading commands also accept a read-only access key (MSECURE_ACCESS_KEY) when no
/// password source and no session token is there.
/// </summary>
internal sealed class VaultAccess : IDisposable
{
    private readonly CliContext _context;
    private readonly Dictionary<string, VaultSession> _sessions = new(VaultPathComparer.Instance);
    private readonly Dictionary<string, AccessKeyRecordSource> _accessKeyReaders = new(VaultPathComparer.Instance);
    private SecretText? _password;

    internal VaultAccess(CliContext context) => _context = context;

    /// <summary>The session token in MSECURE_SESSION, or null.</summary>
    internal static string? SessionToken => NullIfEmpty(Environment.GetEnvironmentVariable(SessionHandOff.EnvironmentVariable));

    /// <summary>An unlocked session of the vault at <paramref name="path"/>.</summary>
    /// <exception cref="CliException">PasswordRequired.</exception>
    internal VaultSession Unlocked(string path)
    {
        if (_sessions.TryGetValue(path, out VaultSession? open))
        {
            return open;
        }

        VaultSession session = SessionToken is { } token && SessionHandOff.IsFor(path, token)
            ? SessionHandOff.Open(path, token)
            : UnlockWithPassword(path);
        _sessions.Add(path, session);
        return session;
    }

    /// <summary>A reader of the vault at <paramref name="path"/>: a session (token or password), else an access key.</summary>
    /// <exception cref="CliException">PasswordRequired.</exception>
    internal IRecordSource Readable(string path)
    {
        if (_accessKeyReaders.TryGetValue(path, out AccessKeyRecordSource? reader))
        {
            return reader;
        }

        if (!_sessions.ContainsKey(path) && _password is null && !_context.Password.IsAvailable
            && !(SessionToken is { } token && SessionHandOff.IsFor(path, token))
            && NullIfEmpty(Environment.GetEnvironmentVariable(AccessKeyReader.EnvironmentVariable)) is { } accessKey)
        {
            reader = new AccessKeyRecordSource(AccessKeyReader.Open(accessKey, path));
            _accessKeyReaders.Add(path, reader);
            return reader;
        }

        return new SessionRecordSource(Unlocked(path));
    }

    /// <summary>The password (read from its source the first time), or PasswordRequired.</summary>
    internal ReadOnlySpan<char> Password(string path)
    {
        _password ??= _context.Password.Read(_context.StandardInput) ?? throw CliException.PasswordRequired(VaultPaths.NameOf(path));
        return _password.Span;
    }

    /// <summary>Locks every session and forgets every record read (idempotent).</summary>
    public void Dispose()
    {
        foreach (VaultSession session in _sessions.Values)
        {
            session.Dispose();
        }

        foreach (AccessKeyRecordSource reader in _accessKeyReaders.Values)
        {
            reader.Dispose();
        }

        _sessions.Clear();
        _accessKeyReaders.Clear();
        _password?.Dispose();
    }

    private VaultSession UnlockWithPassword(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        return file.Unlock(Password(path));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
