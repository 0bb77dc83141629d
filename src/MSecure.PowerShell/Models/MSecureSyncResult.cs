using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// What one sync of a vault did (Sync-MSecureVault's output; also the Sync property of what
/// Connect-MSecureAccount and Reset-MSecureAccountKey write). Counts, record ids and names, file
/// paths: never a secret.
/// </summary>
public sealed class MSecureSyncResult
{
    internal MSecureSyncResult(string vaultPath, string vaultName, MSecureSyncMethod method, string source, int pulled, int pushed,
        IReadOnlyList<MSecureSyncConflict> conflicts, IReadOnlyList<MSecureSyncWarning> warnings, TimeSpan duration)
    {
        VaultPath = vaultPath;
        VaultName = vaultName;
        Method = method;
        Source = source;
        Pulled = pulled;
        Pushed = pushed;
        Conflicts = conflicts;
        Warnings = warnings;
        Duration = duration;
    }

    /// <summary>The vault file's full path (binds -Vault of the vault cmdlets by property name).</summary>
    public string VaultPath { get; }

    /// <summary>The vault's name: its file name without the extension.</summary>
    public string VaultName { get; }

    /// <summary>Through the account server or a folder.</summary>
    public MSecureSyncMethod Method { get; }

    /// <summary>The server's address or the folder's full path.</summary>
    public string Source { get; }

    /// <summary>Changes of other devices applied to this vault.</summary>
    public int Pulled { get; }

    /// <summary>Changes of this device sent (accepted by the server, or written to the folder).</summary>
    public int Pushed { get; }

    /// <summary>Records two devices changed at once: both versions are kept, the winner current, the other in its history.</summary>
    public IReadOnlyList<MSecureSyncConflict> Conflicts { get; }

    /// <summary>Folder files that were ignored, and why.</summary>
    public IReadOnlyList<MSecureSyncWarning> Warnings { get; }

    /// <summary>How long the sync took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The counts in one line.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: pulled {1}, pushed {2}, {3} conflict(s), {4} warning(s)",
        Method, Pulled, Pushed, Conflicts.Count, Warnings.Count);
}
