using MSecure.Core.Records;
using MSecure.Core.Transfer;

namespace MSecure.Core.Vault;

/// <summary>An import entry as the worker prepared it.</summary>
/// <param name="Item">The entry as read.</param>
/// <param name="Content">Its validated content, or null (unreadable or invalid).</param>
/// <param name="Problem">Why its content is invalid, or null.</param>
/// <param name="Sealed">Its content sealed as a new record under its own name, or null (not sealed: the transaction thread seals what it stores).</param>
/// <param name="Position">Where the reader stood, at every progress interval; else null.</param>
internal sealed record PreparedImportItem(ImportItem Item, RecordContent? Content, string? Problem, NewRecord? Sealed, (long Read, long Total)? Position);
