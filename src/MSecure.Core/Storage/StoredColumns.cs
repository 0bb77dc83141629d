using System;
using Microsoft.Data.Sqlite;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// Reads the columns of the vault's tables strictly by their SQLite storage class. SQLite
/// converts between classes where the schema does not stop it, and a damaged record header can
/// change a value's class: a 16-byte id stored as TEXT reads as the same bytes, yet never equals the
/// BLOB an indexed lookup compares it with; a deleted flag stored as TEXT '0' reads as 0, yet
/// "deleted = 0" skips it. Such a value is VaultCorrupted, never a silent miss.
/// </summary>
internal static class StoredColumns
{
    /// <summary>A TEXT column.</summary>
    internal static string Text(VaultDatabase database, SqliteDataReader reader, int ordinal) =>
        Is(reader, ordinal, typeof(string)) ? reader.GetString(ordinal) : throw Corrupted(database, "a stored text is missing or not text");

    /// <summary>An id (of a record, the vault or the account): a 16-byte BLOB.</summary>
    internal static Guid Id(VaultDatabase database, SqliteDataReader reader, int ordinal) =>
        Is(reader, ordinal, typeof(byte[])) && reader.GetFieldValue<byte[]>(ordinal) is { Length: IdEncoding.Length } bytes
            ? IdEncoding.Read(bytes)
            : throw Corrupted(database, "a stored id is not 16 bytes");

    /// <summary>An INTEGER column (a revision, a sequence number).</summary>
    internal static long Integer(VaultDatabase database, SqliteDataReader reader, int ordinal) =>
        Is(reader, ordinal, typeof(long)) ? reader.GetInt64(ordinal) : throw Corrupted(database, "a stored number is not an integer");

    /// <summary>The deleted flag: INTEGER 0 or 1.</summary>
    internal static bool Flag(VaultDatabase database, SqliteDataReader reader, int ordinal) => Integer(database, reader, ordinal) switch
    {
        0 => false,
        1 => true,
        _ => throw Corrupted(database, "a stored deleted flag is neither 0 nor 1"),
    };

    /// <summary>A BLOB column that may be NULL (a name index, a summary, a content row that may be missing).</summary>
    internal static byte[]? OptionalBlob(VaultDatabase database, SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Blob(database, reader, ordinal);

    /// <summary>A BLOB column (an envelope).</summary>
    internal static byte[] Blob(VaultDatabase database, SqliteDataReader reader, int ordinal) =>
        Is(reader, ordinal, typeof(byte[])) ? reader.GetFieldValue<byte[]>(ordinal) : throw Corrupted(database, "a stored envelope is not a BLOB");

    /// <summary>Whether the value is not NULL and of the storage class read as <paramref name="type"/> (GetFieldType alone reports a NULL by its column's declared type).</summary>
    private static bool Is(SqliteDataReader reader, int ordinal, Type type) => !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == type;

    private static MSecureException Corrupted(VaultDatabase database, string what) => MSecureErrors.VaultCorrupted(database.Path, what + ".");
}
