namespace MSecure.Core.Backup;

/// <summary>What a backup holds, once written. Counts only: nothing secret.</summary>
/// <param name="Mode">How it is sealed.</param>
/// <param name="Records">Live records in it.</param>
/// <param name="Revisions">Revisions in it (every record's current version and its history).</param>
/// <param name="Bytes">The file's length.</param>
public sealed record BackupExportResult(BackupSealMode Mode, long Records, long Revisions, long Bytes);
