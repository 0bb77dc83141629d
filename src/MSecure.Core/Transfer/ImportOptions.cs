using System;
using System.Collections.Generic;

namespace MSecure.Core.Transfer;

/// <summary>How an import stores its entries.</summary>
public sealed class ImportOptions
{
    /// <summary>What to do with an entry that duplicates a record (default <see cref="ImportDuplicatePolicy.Skip"/>).</summary>
    public ImportDuplicatePolicy OnDuplicate { get; init; } = ImportDuplicatePolicy.Skip;

    /// <summary>Tags added to every record stored or merged.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// Do everything but commit: the report says what the import would do (the same transaction is
    /// run and rolled back, so duplicates and renames are exactly those of a real run). Problems are
    /// reported instead of failing.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>Told how far the import is, every <see cref="ProgressInterval"/> entries, on the calling thread; may be null.</summary>
    public Action<ImportProgress>? Progress { get; init; }

    /// <summary>How many entries between two <see cref="Progress"/> reports.</summary>
    public const int ProgressInterval = 500;
}
