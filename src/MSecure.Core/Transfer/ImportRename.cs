namespace MSecure.Core.Transfer;

/// <summary>An entry stored under another name because its own was taken (by a record that is not its duplicate, or one kept by <see cref="ImportDuplicatePolicy.Keep"/>).</summary>
/// <param name="Location">Where the entry is in the file.</param>
/// <param name="From">The entry's name.</param>
/// <param name="To">The name it was stored under.</param>
public sealed record ImportRename(string Location, string From, string To);
