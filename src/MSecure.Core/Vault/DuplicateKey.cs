using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Vault;

/// <summary>
/// When an imported entry duplicates a record: the same name (the name index already matched,
/// ignoring case), the same user name (its Username field, else its Email field) and the same web
/// address (its Website field), compared ignoring case and surrounding white space, a web address
/// also ignoring a trailing '/'. A record with neither user name nor web address (a note, a card)
/// has nothing that identifies it but its name: it is a duplicate only when its content (template,
/// every field value, notes) is the same too, so two different "Untitled" notes both come in.
/// </summary>
internal static class DuplicateKey
{
    /// <summary>The field that gives the user name when the Username field is empty.</summary>
    internal const string EmailLabel = "Email";

    /// <summary>Whether a record of the same name as <paramref name="entry"/> is its duplicate.</summary>
    internal static bool Same(Record existing, RecordContent entry)
    {
        string user = UserNameOf(existing.Fields);
        string url = Url(ValueOf(existing.Fields, RecordFieldNames.DefaultUrlLabel));
        if (!SameText(user, UserNameOf(entry.Fields)) || !SameText(url, Url(ValueOf(entry.Fields, RecordFieldNames.DefaultUrlLabel))))
        {
            return false;
        }

        return user.Length > 0 || url.Length > 0 || SameContent(existing, entry);
    }

    private static bool SameContent(Record existing, RecordContent entry)
    {
        if (existing.Template != entry.Template || !RecordMerge.SameValue(existing.Notes, entry.Notes) || CountFilled(existing.Fields) != CountFilled(entry.Fields))
        {
            return false;
        }

        foreach (RecordField field in entry.Fields)
        {
            if (field.Value.Length > 0 && !RecordMerge.SameValue(ValueOf(existing.Fields, field.Label, trim: false), field.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountFilled(IReadOnlyList<RecordField> fields)
    {
        int count = 0;
        foreach (RecordField field in fields)
        {
            count += field.Value.Length > 0 ? 1 : 0;
        }

        return count;
    }

    private static string UserNameOf(IReadOnlyList<RecordField> fields)
    {
        string user = ValueOf(fields, RecordFieldNames.DefaultUserNameLabel);
        return user.Length > 0 ? user : ValueOf(fields, EmailLabel);
    }

    private static string ValueOf(IReadOnlyList<RecordField> fields, string label, bool trim = true)
    {
        foreach (RecordField field in fields)
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return trim ? field.Value.Trim() : field.Value;
            }
        }

        return string.Empty;
    }

    private static string Url(string url) => url.TrimEnd('/');

    private static bool SameText(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
