using System;
using System.Collections.Generic;

namespace MSecure.Core.Transfer;

/// <summary>What <see cref="ImportFormatDetector"/> shows each format to recognise a file by.</summary>
/// <param name="Head">The file's first bytes (up to 64 KiB).</param>
/// <param name="HeadText">Those bytes decoded as UTF-8, a byte-order mark removed; a last partial line may be cut.</param>
/// <param name="ZipEntries">The entry names when the file is a zip archive; otherwise empty.</param>
public sealed record ImportSniff(ReadOnlyMemory<byte> Head, string HeadText, IReadOnlyList<string> ZipEntries)
{
    /// <summary>Length only: the head may hold secrets.</summary>
    public override string ToString() => $"ImportSniff ({Head.Length} bytes, {ZipEntries.Count} zip entries)";
}
