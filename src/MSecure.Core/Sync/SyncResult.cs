using System;
using System.Collections.Generic;

namespace MSecure.Core.Sync;

/// <summary>What one sync did. Holds ids, names and counts only, never a secret.</summary>
public sealed class SyncResult
{
    /// <summary>A result.</summary>
    public SyncResult(SyncMethod method, string source, int pulled, int pushed, IReadOnlyList<SyncConflict> conflicts, IReadOnlyList<SyncWarning> warnings, TimeSpan duration)
    {
        Method = method;
        Source = source;
        Pulled = pulled;
        Pushed = pushed;
        Conflicts = conflicts;
        Warnings = warnings;
        Duration = duration;
    }

    /// <summary>Through the account server or a folder.</summary>
    public SyncMethod Method { get; }

    /// <summary>The server's address or the folder's full path.</summary>
    public string Source { get; }

    /// <summary>Changes of other devices applied to this vault.</summary>
    public int Pulled { get; }

    /// <summary>Changes of this device sent (accepted by the server, or written to the folder).</summary>
    public int Pushed { get; }

    /// <summary>Records edited on two devices at once, and how each was resolved.</summary>
    public IReadOnlyList<SyncConflict> Conflicts { get; }

    /// <summary>Folder files ignored (partial, tampered, another vault's, conflicted copies).</summary>
    public IReadOnlyList<SyncWarning> Warnings { get; }

    /// <summary>How long the sync took.</summary>
    public TimeSpan Duration { get; }
}

/// <summary>How a vault syncs.</summary>
public enum SyncMethod
{
    /// <summary>Through the account server the vault is connected to.</summary>
    Server,

    /// <summary>Through a shared folder.</summary>
    Folder,
}

/// <summary>A record two devices changed at once: both versions are kept, the winner current, the other in history.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Name">The record's name after the resolution (a tombstone's last name, or empty when unknown).</param>
/// <param name="Resolution">What happened, in words (which version won and why); never a value.</param>
public sealed record SyncConflict(Guid RecordId, string Name, string Resolution);

/// <summary>A folder file that was ignored, and why; never a value.</summary>
/// <param name="File">The file's full path.</param>
/// <param name="Reason">Why it was ignored.</param>
public sealed record SyncWarning(string File, string Reason);

/// <summary>Progress of a sync, reported before and during each stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Pulled">Changes applied so far.</param>
/// <param name="Pushed">Changes sent so far.</param>
/// <param name="Total">Changes expected in this stage when known (the server's latest sequence minus the cursor), else null.</param>
public sealed record SyncProgress(SyncStage Stage, int Pulled, int Pushed, long? Total);

/// <summary>The stages of a sync.</summary>
public enum SyncStage
{
    /// <summary>Signing in to the server or opening the folder.</summary>
    Connecting,

    /// <summary>Downloading and applying other devices' changes.</summary>
    Pulling,

    /// <summary>Sending this device's changes.</summary>
    Pushing,

    /// <summary>Rewriting old folder batches into one.</summary>
    Compacting,
}
