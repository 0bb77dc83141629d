namespace MSecure.Core.Storage;

/// <summary>One forward step of the vault schema: running <paramref name="Sql"/> on a database at
/// version <c>Version - 1</c> brings it to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version after this step (PRAGMA user_version).</param>
/// <param name="Description">What the step changes, for people.</param>
/// <param name="Sql">The statements, run inside the migration's transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
