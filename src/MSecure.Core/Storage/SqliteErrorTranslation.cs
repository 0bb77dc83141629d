using System;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// Turns the SQLite failures a vault can meet into MSecure errors naming the file: a lock held
/// too long (VaultBusy), a damaged file (VaultCorrupted), and a file the system will not let us
/// read or write (VaultStorageFailed: permissions, read-only, disk full, I/O error). Any other
/// SQLite error escaping a transaction means the file's tables are not what the vault schema made
/// them (a dropped column, a renamed table): VaultCorrupted as well.
/// </summary>
internal static class SqliteErrorTranslation
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;
    private const int IoErrorShortRead = IoError | (2 << 8);
    private const int Permission = 3;
    private const int ReadOnly = 8;
    private const int Full = 13;
    private const int CannotOpen = 14;

    /// <summary>The MSecure error for <paramref name="exception"/>, or null when it has none.</summary>
    internal static MSecureException? Translate(SqliteException exception, string path, TimeSpan busyTimeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => MSecureErrors.VaultBusy(path, busyTimeout, exception),
            NotADatabase => MSecureErrors.VaultCorrupted(path, "it is not a SQLite database (SQLite cannot read its header).", exception),
            Corrupt => MSecureErrors.VaultCorrupted(path, string.Format(CultureInfo.InvariantCulture,
                "SQLite reports the database as damaged (error {0}): it is truncated or its pages are corrupt.", exception.SqliteExtendedErrorCode), exception),
            IoError when exception.SqliteExtendedErrorCode == IoErrorShortRead =>
                MSecureErrors.VaultCorrupted(path, "the file ends before the data SQLite expects (it is truncated).", exception),
            Permission or CannotOpen => MSecureErrors.VaultStorageFailed(path, "access was refused (check the file's and its folder's permissions).", exception),
            ReadOnly => MSecureErrors.VaultStorageFailed(path, "the file or its folder is read-only.", exception),
            Full => MSecureErrors.VaultStorageFailed(path, "the disk is full.", exception),
            IoError => MSecureErrors.VaultStorageFailed(path, string.Format(CultureInfo.InvariantCulture,
                "the operating system reported an I/O error (SQLite error {0}).", exception.SqliteExtendedErrorCode), exception),
            _ => null,
        };
    }

    /// <summary>
    /// The MSecure error for any SQLite failure, or null when <paramref name="exception"/> is not one
    /// (a bug of ours stays what it is). Values are read by <see cref="StoredColumns"/>, which checks
    /// their storage class, so a wrongly typed or missing value never reaches a reader method that throws.
    /// </summary>
    internal static MSecureException? TranslateAny(Exception exception, string path, TimeSpan busyTimeout) => exception is SqliteException sqlite
        ? Translate(sqlite, path, busyTimeout) ?? MSecureErrors.VaultCorrupted(path, string.Format(CultureInfo.InvariantCulture,
            "its tables do not match the vault schema (SQLite error {0}).", sqlite.SqliteExtendedErrorCode), sqlite)
        : null;

    /// <summary>Whether <paramref name="exception"/> is a uniqueness (or other constraint) violation.</summary>
    internal static bool IsConstraintViolation(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) == 19;
}
