using System;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Vault;
using MSecure.Core.Tests.TestSupport;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>A private temporary folder for vault files (a <see cref="TempDirectory"/>), deleted with its content on dispose.</summary>
internal sealed class VaultTestDirectory : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public string VaultPath => File("test.msecure");

    public string File(string name) => _directory.File(name);

    public void Dispose() => _directory.Dispose();
}

/// <summary>
/// A vault with two logins, "first" and "second", for tests that then change the file behind
/// the engine's back.
/// </summary>
public abstract class TwoRecordVaultTestBase : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    protected TwoRecordVaultTestBase()
    {
        _creation = TestVaults.Create(_directory.VaultPath);
        First = Session.Add(TestVaults.Login("first", "one", "pw-one"));
        Second = Session.Add(TestVaults.Login("second", "two", "pw-two"));
    }

    internal Record First { get; }

    internal Record Second { get; }

    internal VaultSession Session => _creation.Session;

    internal string VaultPath => _directory.VaultPath;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Vaults for tests: the cheapest KDF, a fixed password and email, and raw database access for tampering.</summary>
internal static class TestVaults
{
    public const string Password = "correct horse battery staple";

    public const string Email = "alice@example.com";

    /// <summary>SQL that takes a vault back below schema 6 (the access keys and their grants).</summary>
    public const string DropSchema6 = " DROP TABLE access_grants; DROP TABLE access_keys;";

    /// <summary>SQL that takes a vault back below schema 5 (the sync outbox and state, and schema 6).</summary>
    public const string DropSchema5 = DropSchema6 + " DROP TABLE sync_outbox; ALTER TABLE meta DROP COLUMN sync_state;";

    /// <summary>SQL that takes a vault back below schema 4 (the account server binding's columns, and schema 5).</summary>
    public const string DropSchema4Columns = DropSchema5 + " ALTER TABLE meta DROP COLUMN server_uri; ALTER TABLE meta DROP COLUMN server_fingerprint; " +
        "ALTER TABLE meta DROP COLUMN device_id; ALTER TABLE meta DROP COLUMN device_name;";

    public static KdfParameters Kdf => KdfParameters.Minimum;

    public static VaultCreation Create(string path) => VaultFile.Create(path, Email, Password, Kdf);

    public static VaultSession Unlock(string path, string password = Password)
    {
        using VaultFile file = VaultFile.Open(path);
        return file.Unlock(password);
    }

    public static RecordDraft Login(string name, string user = "alice", string password = "s3cret-value")
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", user);
        draft.SetField("Password", password);
        draft.SetField("Website", "https://example.com/" + name);
        return draft;
    }

    /// <summary>A raw connection to a vault file, outside the engine (for tampering and inspection).</summary>
    public static SqliteConnection OpenRaw(string path)
    {
        SqliteRuntime.EnsureInitialized();
        // Foreign keys off: tampering tests write rows that break the schema's links on purpose.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection connection = OpenRaw(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public static int Execute(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection connection = OpenRaw(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public static byte[] IdBytes(Guid id) => MetaStore.IdBytes(id);

    /// <summary>The full envelope of record <paramref name="id"/> as stored.</summary>
    public static byte[] ContentOf(string path, Guid id) =>
        (byte[])Scalar(path, "SELECT c.content FROM records AS r JOIN record_contents AS c ON c.record_seq = r.seq WHERE r.id = $id;", ("$id", IdBytes(id)))!;

    /// <summary>Overwrites the full envelope of record <paramref name="id"/> behind the engine's back.</summary>
    public static void SetContent(string path, Guid id, byte[] envelope) =>
        Execute(path, "UPDATE record_contents SET content = $c WHERE record_seq = (SELECT seq FROM records WHERE id = $id);", ("$c", envelope), ("$id", IdBytes(id)));
}
