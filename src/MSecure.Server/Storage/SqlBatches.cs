using System;
using System.Collections.Generic;

namespace MSecure.Server.Storage;

/// <summary>Statements over many rows at once: chunks that fit the parameter limits, and IN lists of ids.</summary>
internal static class SqlBatches
{
    /// <summary>Rows per multi-row statement: well under the parameter limits of SQLite (32766) and PostgreSQL (65535).</summary>
    public const int RowsPerStatement = 500;

    /// <summary><paramref name="items"/> in order, in lists of at most <see cref="RowsPerStatement"/>.</summary>
    public static IEnumerable<IReadOnlyList<T>> Chunks<T>(IReadOnlyList<T> items)
    {
        for (int start = 0; start < items.Count; start += RowsPerStatement)
        {
            var chunk = new List<T>(Math.Min(RowsPerStatement, items.Count - start));
            for (int i = start; i < items.Count && i < start + RowsPerStatement; i++)
            {
                chunk.Add(items[i]);
            }

            yield return chunk;
        }
    }

    /// <summary>"@i0, @i1, …" for the ids of <paramref name="items"/>, with @account first among the parameters.</summary>
    public static (string List, (string, object?)[] Parameters) InList<T>(string account, IReadOnlyList<T> items, Func<T, Guid> id)
    {
        var names = new string[items.Count];
        var parameters = new (string, object?)[items.Count + 1];
        parameters[0] = ("@account", account);
        for (int i = 0; i < items.Count; i++)
        {
            names[i] = $"@i{i}";
            parameters[i + 1] = (names[i], id(items[i]).ToText());
        }

        return (string.Join(", ", names), parameters);
    }
}
