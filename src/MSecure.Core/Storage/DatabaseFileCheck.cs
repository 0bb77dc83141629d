using System;
using System.Buffers.Binary;
using System.IO;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// Cheap checks of a vault file before SQLite opens it, so an empty file, random bytes or a
/// truncated copy is reported as VaultCorrupted with a reason instead of surfacing as a
/// SQLite error later (or, for an empty file, silently becoming a new database).
/// </summary>
internal static class DatabaseFileCheck
{
    private const int HeaderLength = 100;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>How often an apparently truncated file is looked at again (see below).</summary>
    private const int TruncationChecks = 3;

    /// <summary>
    /// Throws VaultCorrupted unless <paramref name="path"/> starts like a complete SQLite database;
    /// VaultNotFound when it does not exist; VaultStorageFailed when it cannot be read (a folder,
    /// permissions, an I/O error).
    /// </summary>
    internal static void EnsureLooksLikeDatabase(string path)
    {
        // Another process checkpointing its write-ahead log into the file writes page 1 (with
        // the new page count) before the pages that extend the file, and may delete the log
        // right after. Only a shortfall that persists is a truncated file.
        for (int check = 1; ; check++)
        {
            string? truncation = Check(path);
            if (truncation is null)
            {
                return;
            }

            if (check == TruncationChecks)
            {
                throw MSecureErrors.VaultCorrupted(path, truncation);
            }

            System.Threading.Thread.Sleep(100);
        }
    }

    /// <summary>Throws for a file that is not a database; returns a reason when it looks truncated, else null.</summary>
    private static string? Check(string path)
    {
        bool hasWriteAheadLog = HasWriteAheadLog(path);
        Span<byte> header = stackalloc byte[HeaderLength];
        long length;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }
        catch (FileNotFoundException)
        {
            throw MSecureErrors.VaultNotFound(path);
        }
        catch (DirectoryNotFoundException)
        {
            throw MSecureErrors.VaultNotFound(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw MSecureErrors.VaultStorageFailed(path, "it cannot be opened for reading (" + exception.GetType().Name + ").", exception);
        }

        if (length == 0)
        {
            throw MSecureErrors.VaultCorrupted(path, "the file is empty (0 bytes).");
        }

        if (read < HeaderLength || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw MSecureErrors.VaultCorrupted(path, "it is not a SQLite database (the file does not start with a database header).");
        }

        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || !int.IsPow2(pageSize))
        {
            throw MSecureErrors.VaultCorrupted(path, "its database header is damaged (impossible page size).");
        }

        // The page count in the header is valid when the change counter equals the
        // "version valid for" number. With no write-ahead log holding newer pages, the file must
        // be at least that long; a shorter one was cut off (a partial copy or a full disk).
        uint changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        uint pageCount = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        uint validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        long expectedLength = (long)pageCount * pageSize;
        if (pageCount > 0 && changeCounter == validFor && length < expectedLength && !hasWriteAheadLog)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "it is truncated: the database header records {0} bytes but the file holds only {1}.", expectedLength, length);
        }

        return null;
    }

    private static bool HasWriteAheadLog(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists && wal.Length > 0;
    }
}
