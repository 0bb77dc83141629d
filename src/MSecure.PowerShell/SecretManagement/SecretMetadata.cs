using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.PowerShell.Errors;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// SecretManagement metadata of a record. Get-SecretInfo shows only non-secret facts: Template,
/// Tags, Favorite, Modified and (when filled) Url. Set-Secret -Metadata and Set-SecretInfo may
/// set Tags (a string or strings), Url (a string; the record's web address field) and Favorite
/// (a bool); Template and Modified are facts of the record and are accepted but ignored (so
/// metadata copied from another MSecure vault is accepted). Any other key is refused: MSecure
/// has no place to keep it honestly.
/// </summary>
internal static class SecretMetadata
{
    /// <summary>The record's template.</summary>
    internal const string TemplateKey = "Template";

    /// <summary>The record's tags (string[]).</summary>
    internal const string TagsKey = "Tags";

    /// <summary>The record's web address.</summary>
    internal const string UrlKey = "Url";

    /// <summary>Whether the record is a favorite.</summary>
    internal const string FavoriteKey = "Favorite";

    /// <summary>When the record was last changed (UTC DateTime).</summary>
    internal const string ModifiedKey = "Modified";

    /// <summary>The metadata Get-SecretInfo shows for <paramref name="record"/>: never a field value other than the web address.</summary>
    internal static Hashtable Of(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var metadata = new Hashtable(StringComparer.OrdinalIgnoreCase)
        {
            [TemplateKey] = record.Template.ToString(),
            [TagsKey] = record.Tags.ToArray(),
            [FavoriteKey] = record.IsFavorite,
            [ModifiedKey] = record.ModifiedAt.UtcDateTime,
        };
        if (record.Fields.FirstOrDefault(field => field.Kind == FieldKind.Url && field.Value.Length > 0) is { } url)
        {
            metadata[UrlKey] = url.Value;
        }

        return metadata;
    }

    /// <summary>
    /// Applies <paramref name="metadata"/> (values already unwrapped from PSObject) to <paramref name="draft"/>.
    /// With <paramref name="replace"/> (Set-SecretInfo, which replaces the metadata) an absent Tags
    /// clears the tags and an absent Favorite clears it; an absent Url always leaves the field alone.
    /// </summary>
    /// <exception cref="SecretMappingException">SecretMetadataUnsupported.</exception>
    internal static void Apply(RecordDraft draft, IDictionary? metadata, bool replace)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in metadata ?? new Hashtable())
        {
            string key = entry.Key as string ?? throw Unsupported($"a metadata key of type {SecretDrafts.TypeName(entry.Key)}");
            given[key] = entry.Value;
        }

        foreach (string key in given.Keys)
        {
            if (!string.Equals(key, TagsKey, StringComparison.OrdinalIgnoreCase) && !string.Equals(key, UrlKey, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(key, FavoriteKey, StringComparison.OrdinalIgnoreCase) && !string.Equals(key, TemplateKey, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(key, ModifiedKey, StringComparison.OrdinalIgnoreCase))
            {
                throw Unsupported($"the metadata key '{Formatting.TerminalText.Of(key)}': MSecure keeps only {TagsKey}, {UrlKey} and {FavoriteKey} ({TemplateKey} and {ModifiedKey} are facts of the record and are ignored)");
            }
        }

        if (given.TryGetValue(TagsKey, out object? tags))
        {
            draft.Tags.Clear();
            draft.Tags.AddRange(TagsOf(tags));
        }
        else if (replace)
        {
            draft.Tags.Clear();
        }

        if (given.TryGetValue(FavoriteKey, out object? favorite))
        {
            draft.IsFavorite = favorite as bool? ?? throw Unsupported($"a {FavoriteKey} of type {SecretDrafts.TypeName(favorite)} (it is $true or $false)");
        }
        else if (replace)
        {
            draft.IsFavorite = false;
        }

        if (given.TryGetValue(UrlKey, out object? url))
        {
            string text = url as string ?? throw Unsupported($"a {UrlKey} of type {SecretDrafts.TypeName(url)} (it is a string)");
            draft.SetField(RecordFieldNames.UrlLabel(draft.Fields), text, FieldKind.Url);
        }
    }

    private static List<string> TagsOf(object? tags) => tags switch
    {
        null => [],
        string tag => [tag],
        IEnumerable many => many.Cast<object?>().Select(tag => tag as string ?? throw Unsupported($"a tag of type {SecretDrafts.TypeName(tag)} (tags are strings)")).ToList(),
        _ => throw Unsupported($"{TagsKey} of type {SecretDrafts.TypeName(tags)} (a string or strings)"),
    };

    private static SecretMappingException Unsupported(string what) =>
        new(ModuleErrorIds.SecretMetadataUnsupported, "MSecure cannot store " + what + ".");
}
