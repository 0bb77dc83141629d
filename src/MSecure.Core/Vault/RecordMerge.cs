using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Records;

namespace MSecure.Core.Vault;

/// <summary>
/// Merges an imported duplicate into its record: the entry's non-empty values replace or add
/// fields (a replaced field keeps its label and kind), fields only in the record stay, tags are
/// united, the notes are replaced when the entry has notes, a favorite stays one. Nothing is lost:
/// the record's previous revision goes to its history.
/// </summary>
internal static class RecordMerge
{
    /// <summary>The merged draft, or null when the record already holds everything the entry has.</summary>
    internal static RecordDraft? Merge(Record existing, RecordContent entry)
    {
        RecordDraft merged = RecordDraft.From(existing);
        bool changed = false;
        foreach (RecordField field in entry.Fields)
        {
            if (field.Value.Length == 0)
            {
                continue;
            }

            int index = merged.Fields.FindIndex(candidate => string.Equals(candidate.Label, field.Label, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                merged.Fields.Add(field);
                changed = true;
            }
            else if (!SameValue(merged.Fields[index].Value, field.Value))
            {
                merged.Fields[index] = merged.Fields[index] with { Value = field.Value };
                changed = true;
            }
        }

        foreach (string tag in entry.Tags)
        {
            if (!merged.Tags.Exists(candidate => string.Equals(candidate, tag, StringComparison.OrdinalIgnoreCase)))
            {
                merged.Tags.Add(tag);
                changed = true;
            }
        }

        if (entry.Notes.Length > 0 && !SameValue(merged.Notes, entry.Notes))
        {
            merged.Notes = entry.Notes;
            changed = true;
        }

        if (entry.IsFavorite && !merged.IsFavorite)
        {
            merged.IsFavorite = true;
            changed = true;
        }

        return changed ? merged : null;
    }

    /// <summary>Values may be secrets: compared in constant time (for equal lengths).</summary>
    internal static bool SameValue(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()));
}
