using System;
using System.Data.Common;
using System.Globalization;

namespace MSecure.Server.Storage;

/// <summary>Column reads that mean the same on SQLite and PostgreSQL.</summary>
internal static class DbReaders
{
    public static Guid GetId(this DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    public static Guid? GetNullableId(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetId(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static byte[] GetBytes(this DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>The text form ids are stored in.</summary>
    public static string ToText(this Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
