using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// What this device has processed (applied) from a sync folder, kept by the engine inside the
/// sealed sync state as the "folder" member:
/// <c>{"v":1,"batches":{"&lt;vault id&gt;":[[1,57],[60,60]]},"compactions":{"&lt;vault id&gt;":{"3":"&lt;nonce base64&gt;"}}}</c>.
/// Batches are number ranges per device (a compaction processed adds the batches it covers);
/// compactions are remembered with their envelope nonce, so a compaction written again under a
/// reused number is read again. Losing the state only makes the next sync read everything again.
/// Immutable.
/// </summary>
internal sealed class FolderState
{
    private const int FormatVersion = 1;

    private readonly Dictionary<Guid, NumberRanges> _batches;
    private readonly Dictionary<(Guid Author, long Number), string> _compactions;

    private FolderState(Dictionary<Guid, NumberRanges> batches, Dictionary<(Guid Author, long Number), string> compactions)
    {
        _batches = batches;
        _compactions = compactions;
    }

    /// <summary>Nothing processed yet.</summary>
    internal static FolderState Empty { get; } = new([], []);

    /// <summary>The batch numbers processed of <paramref name="author"/>.</summary>
    internal NumberRanges BatchesOf(Guid author) => _batches.GetValueOrDefault(author) ?? NumberRanges.Empty;

    /// <summary>The devices with processed batches.</summary>
    internal IEnumerable<Guid> Authors => _batches.Keys;

    /// <summary>Whether batch <paramref name="number"/> of <paramref name="author"/> was processed.</summary>
    internal bool HasBatch(Guid author, long number) => _batches.TryGetValue(author, out NumberRanges? ranges) && ranges.Contains(number);

    /// <summary>Whether the compaction <paramref name="file"/> whose envelope nonce is <paramref name="nonce"/> was processed.</summary>
    internal bool HasCompaction(FolderFileName file, string nonce) =>
        _compactions.TryGetValue((file.Author, file.Number), out string? known) && string.Equals(known, nonce, StringComparison.Ordinal);

    /// <summary>Whether a compaction of this name was processed (whichever its nonce).</summary>
    internal bool KnowsCompaction(FolderFileName file) => _compactions.ContainsKey((file.Author, file.Number));

    /// <summary>The compactions processed, with their nonces.</summary>
    internal IEnumerable<(FolderFileName File, string Nonce)> Compactions =>
        _compactions.Select(entry => (new FolderFileName(entry.Key.Author, FolderFileKind.Compaction, entry.Key.Number), entry.Value));

    /// <summary>This state with the files of <paramref name="files"/> processed.</summary>
    internal FolderState With(IEnumerable<FolderFileRead> files)
    {
        var batches = new Dictionary<Guid, List<(long First, long Last)>>();
        var compactions = new Dictionary<(Guid Author, long Number), string>(_compactions);
        foreach (FolderFileRead file in files)
        {
            if (file.Name.Kind == FolderFileKind.Batch)
            {
                Add(batches, file.Name.Author, (file.Name.Number, file.Name.Number));
                continue;
            }

            compactions[(file.Name.Author, file.Name.Number)] = file.Nonce;
            foreach ((Guid device, long covered) in file.Covers)
            {
                if (covered >= 1)
                {
                    Add(batches, device, (1, covered));
                }
            }
        }

        var merged = new Dictionary<Guid, NumberRanges>(_batches);
        foreach ((Guid author, List<(long First, long Last)> added) in batches)
        {
            merged[author] = BatchesOf(author).Union(added);
        }

        return new FolderState(merged, compactions);
    }

    /// <summary>This state without the compactions that are no longer in the folder (keeps it small).</summary>
    internal FolderState WithoutCompactionsOtherThan(IReadOnlySet<(Guid Author, long Number)> present)
    {
        var kept = _compactions.Where(entry => present.Contains(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value);
        return kept.Count == _compactions.Count ? this : new FolderState(_batches, kept);
    }

    /// <summary>The JSON the engine stores.</summary>
    internal JsonObject ToJson()
    {
        var batches = new JsonObject();
        foreach ((Guid author, NumberRanges ranges) in _batches.OrderBy(entry => entry.Key))
        {
            var array = new JsonArray();
            foreach ((long first, long last) in ranges.Ranges)
            {
                array.Add((JsonNode)new JsonArray(JsonValue.Create(first), JsonValue.Create(last)));
            }

            batches[FolderFileName.DeviceFolderName(author)] = array;
        }

        var compactions = new JsonObject();
        foreach (IGrouping<Guid, KeyValuePair<(Guid Author, long Number), string>> author in _compactions.GroupBy(entry => entry.Key.Author).OrderBy(group => group.Key))
        {
            var numbers = new JsonObject();
            foreach (KeyValuePair<(Guid Author, long Number), string> entry in author.OrderBy(entry => entry.Key.Number))
            {
                numbers[entry.Key.Number.ToString(CultureInfo.InvariantCulture)] = entry.Value;
            }

            compactions[FolderFileName.DeviceFolderName(author.Key)] = numbers;
        }

        return new JsonObject
        {
            ["v"] = FormatVersion,
            ["batches"] = batches,
            ["compactions"] = compactions,
        };
    }

    /// <summary>
    /// Reads the JSON of <see cref="ToJson"/>. Null, another version or anything malformed gives
    /// <see cref="Empty"/>: the next sync then reads every file again, which is safe.
    /// </summary>
    internal static FolderState FromJson(JsonObject? json)
    {
        try
        {
            return json is null || (int?)json["v"] != FormatVersion ? Empty : Parse(json);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return Empty;
        }
    }

    private static FolderState Parse(JsonObject json)
    {
        var batches = new Dictionary<Guid, NumberRanges>();
        foreach ((string author, JsonNode? ranges) in json["batches"]?.AsObject() ?? [])
        {
            Guid id = ParseAuthor(author);
            batches[id] = NumberRanges.From(Required(ranges).AsArray().Select(range => (Required(Required(range)[0]).GetValue<long>(), Required(range![1]).GetValue<long>())));
        }

        var compactions = new Dictionary<(Guid Author, long Number), string>();
        foreach ((string author, JsonNode? numbers) in json["compactions"]?.AsObject() ?? [])
        {
            Guid id = ParseAuthor(author);
            foreach ((string number, JsonNode? nonce) in Required(numbers).AsObject())
            {
                compactions[(id, long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture))] = Required(nonce).GetValue<string>();
            }
        }

        return new FolderState(batches, compactions);
    }

    private static JsonNode Required(JsonNode? node) => node ?? throw new FormatException("a member is null");

    private static Guid ParseAuthor(string name) =>
        FolderFileName.TryParseDeviceFolder(name, out Guid id) ? id : throw new FormatException("not a vault id");

    private static void Add(Dictionary<Guid, List<(long First, long Last)>> batches, Guid author, (long First, long Last) range)
    {
        if (!batches.TryGetValue(author, out List<(long First, long Last)>? list))
        {
            batches[author] = list = [];
        }

        list.Add(range);
    }
}
