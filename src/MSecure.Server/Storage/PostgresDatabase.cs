using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MSecure.Server.Storage;

/// <summary>PostgreSQL through Npgsql, for several server instances behind a load balancer.</summary>
internal sealed class PostgresDatabase : Database
{
    // An arbitrary constant naming the migration lock among all advisory locks of the database.
    private const long MigrationLockKey = 0x4D53_6563_7572_6531;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Name => "postgres";

    public override string BlobType => "bytea";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using DbCommand command = Command(transaction.Connection!, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", MigrationLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void Dispose() => _dataSource.Dispose();
}
