using System;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using Xunit;

namespace MSecure.Core.Tests.Storage;

public class SqliteErrorTranslationTests
{
    private const string VaultPath = "/vaults/work.msecure";

    // (primary code, extended code) as SQLite reports them, and the MSecure error each must become.
    [Theory]
    [InlineData(5, 5, MSecureErrorCode.VaultBusy)]              // SQLITE_BUSY
    [InlineData(6, 6, MSecureErrorCode.VaultBusy)]              // SQLITE_LOCKED
    [InlineData(11, 11, MSecureErrorCode.VaultCorrupted)]       // SQLITE_CORRUPT
    [InlineData(26, 26, MSecureErrorCode.VaultCorrupted)]       // SQLITE_NOTADB
    [InlineData(10, 522, MSecureErrorCode.VaultCorrupted)]      // SQLITE_IOERR_SHORT_READ
    [InlineData(10, 778, MSecureErrorCode.VaultStorageFailed)]  // SQLITE_IOERR_WRITE
    [InlineData(13, 13, MSecureErrorCode.VaultStorageFailed)]   // SQLITE_FULL
    [InlineData(8, 8, MSecureErrorCode.VaultStorageFailed)]     // SQLITE_READONLY
    [InlineData(3, 3, MSecureErrorCode.VaultStorageFailed)]     // SQLITE_PERM
    [InlineData(14, 14, MSecureErrorCode.VaultStorageFailed)]   // SQLITE_CANTOPEN
    public void Environment_failures_become_specific_errors_naming_the_file(int code, int extendedCode, MSecureErrorCode expected)
    {
        var sqlite = new SqliteException("SQLite Error", code, extendedCode);

        MSecureException? translated = SqliteErrorTranslation.Translate(sqlite, VaultPath, TimeSpan.FromSeconds(10));

        Assert.NotNull(translated);
        Assert.Equal(expected, translated.Code);
        Assert.Contains(VaultPath, translated.Message, StringComparison.Ordinal);
        Assert.Same(sqlite, translated.InnerException);
    }

    [Theory]
    [InlineData(1)]   // SQLITE_ERROR: a bug in our SQL, not the user's problem to solve
    [InlineData(19)]  // SQLITE_CONSTRAINT: handled where the statement runs
    public void Programming_errors_are_not_disguised(int code)
    {
        Assert.Null(SqliteErrorTranslation.Translate(new SqliteException("SQLite Error", code, code), VaultPath, TimeSpan.FromSeconds(10)));
    }
}
