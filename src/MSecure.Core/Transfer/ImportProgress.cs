namespace MSecure.Core.Transfer;

/// <summary>How far an import is: entries taken so far and, for a file, how much of it was read.</summary>
/// <param name="Entries">Entries taken so far.</param>
/// <param name="BytesRead">Bytes of the file read so far (the reader reads ahead in buffers); 0 when the entries do not come from a file.</param>
/// <param name="TotalBytes">The file's length; null when the entries do not come from a file.</param>
public readonly record struct ImportProgress(long Entries, long BytesRead, long? TotalBytes)
{
    /// <summary>The share of the file read, 0 to 100; null when unknown.</summary>
    public int? Percent => TotalBytes is > 0 ? (int)(System.Math.Min(BytesRead, TotalBytes.Value) * 100 / TotalBytes.Value) : null;
}
