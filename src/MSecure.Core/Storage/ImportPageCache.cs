using System;
using System.Globalization;

namespace MSecure.Core.Storage;

/// <summary>
/// Raises SQLite's page cache of the connection for one large write transaction and puts it back
/// after. With the default (2 MiB), a transaction inserting tens of thousands of rows spills its
/// dirty pages to the write-ahead log again and again, and reads back the pages of the random-keyed
/// indexes (ids, name indexes) it just spilled; a bounded larger cache keeps them. Memory stays
/// bounded: the cache holds at most <see cref="Kibibytes"/>, whatever the number of rows.
/// </summary>
internal sealed class ImportPageCache : IDisposable
{
    /// <summary>The cache size during the transaction.</summary>
    internal const int Kibibytes = 32 * 1024;

    private readonly VaultDatabase _database;
    private readonly long _previous;

    internal ImportPageCache(VaultDatabase database)
    {
        _database = database;
        _previous = (long)database.Command("PRAGMA cache_size;").ExecuteScalar()!;
        Set(-Kibibytes);
    }

    /// <summary>Puts the previous cache size back.</summary>
    public void Dispose() => Set(_previous);

    // PRAGMA takes no parameters: the value is a number formatted here.
    private void Set(long size) =>
        _database.Command(string.Format(CultureInfo.InvariantCulture, "PRAGMA cache_size = {0};", size)).ExecuteNonQuery();
}
