using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Data.Sqlite;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// What a vault holds, as comparable text: every record (live and removed) with its revision and
/// the plaintext of its current version and each history entry; and the raw rows of every table
/// (to prove that a refused sync wrote nothing at all).
/// </summary>
internal static class VaultContents
{
    /// <summary>One line per record: id, revision, deleted; then one line per version (current and history) with its full plaintext.</summary>
    public static List<string> Records(VaultSession session, string path)
    {
        var lines = new List<string>();
        foreach ((Guid id, long revision, bool deleted) in RecordRows(path))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{id} r{revision} {(deleted ? "deleted" : "live")}"));
            if (!deleted)
            {
                lines.Add("  current " + Text(session.Get(id)));
            }

            lines.AddRange(session.GetHistory(id).OrderBy(entry => entry.Revision).Select(entry => "  history " + Text(entry)));
        }

        return lines;
    }

    /// <summary>Every password value a vault holds in any version of any record.</summary>
    public static HashSet<string> PasswordValues(VaultSession session, string path)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach ((Guid id, _, bool deleted) in RecordRows(path))
        {
            IEnumerable<Record> versions = session.GetHistory(id);
            if (!deleted)
            {
                versions = versions.Append(session.Get(id));
            }

            foreach (Record version in versions)
            {
                if (version.GetField("Password")?.Value is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    /// <summary>The full plaintext of one version of a record.</summary>
    public static string Text(Record record)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"r{record.Revision} name={record.Name} template={record.Template} favorite={record.IsFavorite}");
        text.Append(CultureInfo.InvariantCulture, $" created={record.CreatedAt:O} modified={record.ModifiedAt:O}");
        foreach (RecordField field in record.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{field.Label}:{field.Kind}={field.Value}]");
        }

        text.Append(" tags=").AppendJoin(',', record.Tags).Append(" notes=").Append(record.Notes);
        return text.ToString();
    }

    /// <summary>(id, revision, deleted) of every record row, by id.</summary>
    public static List<(Guid Id, long Revision, bool Deleted)> RecordRows(string path)
    {
        var rows = new List<(Guid, long, bool)>();
        using SqliteConnection connection = OpenReadOnly(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, revision, deleted FROM records ORDER BY id;";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((new Guid((byte[])reader[0], bigEndian: true), reader.GetInt64(1), reader.GetInt64(2) != 0));
        }

        return rows;
    }

    /// <summary>
    /// Every row of every table of the vault file, as text: equal before and after means nothing was
    /// written. <paramref name="withoutSyncState"/> leaves out meta.sync_state and meta.state: a folder
    /// sync commits its sync state (sealed afresh, new nonce) even when it applied nothing, and that
    /// write transaction re-seals the vault state.
    /// </summary>
    public static string Raw(string path, bool withoutSyncState = false)
    {
        var text = new StringBuilder();
        using SqliteConnection connection = OpenReadOnly(path);
        var tables = new List<string>();
        using (SqliteCommand list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
            using SqliteDataReader reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (string table in tables)
        {
            text.Append("table ").AppendLine(table);
            using SqliteCommand select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2;";
            using SqliteDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    if (withoutSyncState && table == "meta" && reader.GetName(i) is "sync_state" or "state")
                    {
                        continue;
                    }

                    object value = reader.GetValue(i);
                    text.Append(reader.GetName(i)).Append('=')
                        .Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append(' ');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
