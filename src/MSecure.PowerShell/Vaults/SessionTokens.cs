using System;
using MSecure.Core.Errors;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Vaults;

/// <summary>The module's side of the session hand-off (MSECURE_SESSION): issuing, opening and destroying session files.</summary>
internal static class SessionTokens
{
    /// <summary>Issues a token for <paramref name="session"/>: a SecureString, or with <paramref name="asPlainText"/> a String.</summary>
    /// <exception cref="MSecureException">InvalidArgument (lifetime), VaultStorageFailed.</exception>
    internal static object Issue(VaultSession session, TimeSpan lifetime, bool asPlainText, Action<string> verbose)
    {
        using SessionToken token = SessionHandOff.Issue(session, lifetime);
        verbose($"Issued a session token for '{TerminalText.Of(token.VaultPath)}', valid until {token.Expires:u}. Lock-MSecureVault with the token in {SessionHandOff.EnvironmentVariable} destroys it.");
        return asPlainText ? new string(token.Text) : SecureStrings.FromSpan(token.Text);
    }

    /// <summary>The token in MSECURE_SESSION, or null when it is not set.</summary>
    internal static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(SessionHandOff.EnvironmentVariable) is { Length: > 0 } token ? token : null;

    /// <summary>
    /// Opens the vault at <paramref name="path"/> with MSECURE_SESSION, or null when it is not set.
    /// A token that opens no session of this vault fails (SessionInvalid, SessionExpired) rather than
    /// falling back to VaultLocked: a job that set the variable expects it to work.
    /// </summary>
    /// <exception cref="MSecureException">SessionInvalid, SessionExpired, and the errors of opening the vault.</exception>
    internal static VaultSession? OpenFromEnvironment(string path) =>
        FromEnvironment() is { } token ? SessionHandOff.Open(path, token) : null;

    /// <summary>Destroys this process's MSECURE_SESSION session of the vault at <paramref name="path"/>; false when there was none.</summary>
    internal static bool RevokeFromEnvironment(string path) =>
        FromEnvironment() is { } token && SessionHandOff.Revoke(path, token);
}
