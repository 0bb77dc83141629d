using System;
using System.IO;
using MSecure.Core.Errors;

namespace MSecure.Core.Backup;

/// <summary>What a backup file's clear header tells before any key: how it is sealed and, for an Account-Key seal, which account.</summary>
public sealed class BackupFileInfo
{
    private BackupFileInfo(BackupSealMode mode, Guid? accountId)
    {
        Mode = mode;
        AccountId = accountId;
    }

    /// <summary>How the backup is sealed.</summary>
    public BackupSealMode Mode { get; }

    /// <summary>The account whose Account Key sealed it; null for a password seal.</summary>
    public Guid? AccountId { get; }

    /// <summary>Reads the header at <paramref name="source"/>'s position (and leaves the position after it).</summary>
    /// <exception cref="MSecureException">BackupInvalid, BackupTampered.</exception>
    public static BackupFileInfo Read(Stream source, string path)
    {
        BackupHeader header = ReadHeader(source, path);
        return new BackupFileInfo(header.Mode, header.Mode == BackupSealMode.AccountKey ? header.AccountId : null);
    }

    /// <summary>Reads and parses the header at <paramref name="source"/>'s position.</summary>
    internal static BackupHeader ReadHeader(Stream source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] bytes = new byte[BackupHeader.Length];
        int total = source.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return BackupHeader.Parse(bytes.AsSpan(0, total), path);
    }
}
