using System;
using System.Collections.Generic;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Opens the vaults one invocation uses, each once: with a session token (MSECURE_SESSION) when it
/// is for that vault, else with the password (read once, then reused for every vault), and for the
/// reading commands with an access key (MSECURE_ACCESS_KEY) when no password is given.
/// </summary>
internal sealed class VaultAccess : IDisposable
{
    private readonly CliContext _context;
    private readonly Dictionary<string, VaultSession> _sessions = new(VaultPathComparer.Instance);
    private SecretText? _password;

    internal VaultAccess(CliContext context) => _context = context;

    /// <summary>An unlocked session of the vault at <paramref name="path"/>.</summary>
    /// <exception cref="CliException">PasswordRequired.</exception>
    internal VaultSession Unlocked(string path)
    {
        if (_sessions.TryGetValue(path, out VaultSession? open))
        {
            return open;
        }

        VaultSession session = UnlockWithPassword(path);
        _sessions.Add(path, session);
        return session;
    }

    /// <summary>A reader of the vault at <paramref name="path"/>: a session (token or password), else an access key.</summary>
    /// <exception cref="CliException">PasswordRequired.</exception>
    internal IRecordSource Readable(string path)
    {
        return new SessionRecordSource(Unlocked(path));
    }

    /// <summary>The password (read from its source the first time), or PasswordRequired.</summary>
    internal ReadOnlySpan<char> Password(string path)
    {
        _password ??= _context.Password.Read(_context.StandardInput) ?? throw CliException.PasswordRequired(VaultPaths.NameOf(path));
        return _password.Span;
    }

    public void Dispose()
    {
        foreach (VaultSession session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
        _password?.Dispose();
    }

    private VaultSession UnlockWithPassword(string path)
    {
        using VaultFile file = VaultFile.Open(path);
        return file.Unlock(Password(path));
    }
}
