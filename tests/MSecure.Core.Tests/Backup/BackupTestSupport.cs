using System;
using System.IO;
using System.Linq;
using MSecure.Core.Backup;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Backup;

/// <summary>Helpers shared by the backup tests.</summary>
internal static class BackupTestSupport
{
    public const string BackupPassword = "Backup passphrase: violet kettle 42!";

    /// <summary>The backup of <paramref name="session"/> as bytes.</summary>
    public static byte[] Export(VaultSession session, BackupSealMode mode = BackupSealMode.AccountKey, string password = BackupPassword)
    {
        using var stream = new MemoryStream();
        BackupExportResult result = session.ExportBackup(stream, mode, mode == BackupSealMode.Password ? password : default, TestVaults.Kdf);
        Assert.Equal(stream.Length, result.Bytes);
        return stream.ToArray();
    }

    /// <summary>Restores <paramref name="backup"/> into <paramref name="session"/>.</summary>
    public static BackupRestoreResult Import(VaultSession session, byte[] backup, BackupCredentials? credentials = null, bool dryRun = false)
    {
        using var stream = new MemoryStream(backup, writable: false);
        using BackupCredentials used = credentials ?? BackupCredentials.ThisVault;
        return session.ImportBackup(stream, used, dryRun, "test.msbackup");
    }

    /// <summary>The vault's sealed-state revision: every write transaction raises it.</summary>
    public static long StateRevision(VaultSession session) => session.Use(vault => vault.Read(() => vault.ReadState().Revision));

    /// <summary>Everything a record shows, as one comparable line (timestamps included).</summary>
    public static string Describe(Record record) =>
        string.Join("|", record.Name, record.Template, string.Join(";", record.Fields.Select(f => $"{f.Label}:{f.Kind}:{f.Value}")),
            string.Join(";", record.Tags), record.Notes, record.IsFavorite, record.CreatedAt.ToUnixTimeMilliseconds(), record.ModifiedAt.ToUnixTimeMilliseconds());

    /// <summary>Every live record with its history, newest first, described.</summary>
    public static string[] Everything(VaultSession session) =>
        session.Search(new RecordQuery()).OrderBy(s => s.Id)
            .Select(s => Describe(session.Get(s.Id)) + " <= " + string.Join(" <= ", session.GetHistory(s.Id).Select(Describe)))
            .ToArray();

    /// <summary>Asserts a backup failure is one of the three backup errors and that the vault did not change.</summary>
    public static void AssertRefusedWithoutChange(VaultSession session, byte[] backup, string what)
    {
        long before = StateRevision(session);
        int records = session.Info.RecordCount;
        MSecureException exception;
        try
        {
            Import(session, backup);
            throw new Xunit.Sdk.XunitException($"{what}: the altered backup was restored.");
        }
        catch (MSecureException caught)
        {
            exception = caught;
        }

        Assert.True(exception.Code is MSecureErrorCode.BackupTampered or MSecureErrorCode.BackupKeyWrong or MSecureErrorCode.BackupInvalid,
            $"{what}: {exception.Code}");
        Assert.Equal(before, StateRevision(session));
        Assert.Equal(records, session.Info.RecordCount);
    }
}
