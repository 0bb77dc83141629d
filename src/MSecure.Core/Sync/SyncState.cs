using System.Text.Json.Nodes;

namespace MSecure.Core.Sync;

/// <summary>
/// What a vault remembers between syncs (meta.sync_state, sealed): the method it syncs with, the
/// server cursor (the last change sequence applied) and the folder layer's own state. Losing or
/// replaying it only makes the next sync read again what it already applied (applying is idempotent).
/// </summary>
/// <param name="Method">"server" or "folder".</param>
/// <param name="Cursor">Server: the last sequence applied.</param>
/// <param name="Folder">The folder layer's state (opaque here), or null.</param>
/// <param name="RotatedSinceSync">The Account Key was rotated on this device after its last sync.</param>
/// <param name="Highest">
/// Server: the highest sequence the server acknowledged to this device, applied or accepted from
/// its own pushes (which the cursor may not cover yet); a server answering below it was restored.
/// </param>
internal sealed record SyncState(string Method, long Cursor, JsonObject? Folder, bool RotatedSinceSync = false, long Highest = 0)
{
    /// <summary>The method name of server sync.</summary>
    internal const string ServerMethod = "server";

    /// <summary>The method name of folder sync.</summary>
    internal const string FolderMethod = "folder";
}
