using System;
using System.Globalization;
using System.IO;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// Checks of a vault file that SQLite alone would not report clearly: an empty file (which SQLite
/// would silently take for a new database) and a file too short to hold a database header. A
/// longer file that is not a database fails in SQLite (SQLITE_NOTADB), and SQLite compares the page
/// count in the header with the file's size (and the write-ahead log's) when it first reads, so a
/// truncated copy fails there (SQLITE_CORRUPT). Nothing here opens the file: on POSIX, closing any other descriptor of a database file drops
/// every lock this process holds on it through SQLite, after which another process may checkpoint
/// and delete the write-ahead log this process still writes into. Sizes come from stat(2) only;
/// the header is read by SQLite itself.
/// </summary>
internal static class DatabaseFileCheck
{
    /// <summary>SQLite's database header length: a shorter file cannot hold a database.</summary>
    private const int HeaderLength = 100;

    /// <summary>
    /// Before SQLite opens <paramref name="path"/>: VaultNotFound when there is no file (a folder
    /// included), VaultCorrupted when it is empty or too short to hold a database header.
    /// </summary>
    internal static void EnsureOpenable(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw MSecureErrors.VaultNotFound(path);
        }

        if (file.Length == 0)
        {
            throw MSecureErrors.VaultCorrupted(path, "the file is empty (0 bytes).");
        }

        if (file.Length < HeaderLength)
        {
            throw MSecureErrors.VaultCorrupted(path, string.Format(CultureInfo.InvariantCulture,
                "it is too short to be a vault ({0} bytes; the database header alone takes {1}).", file.Length, HeaderLength));
        }
    }
}
