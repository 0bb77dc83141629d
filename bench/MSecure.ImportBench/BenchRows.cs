using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.ImportBench;

/// <summary>
/// The records every case imports, made the same way each time: mostly logins (user, password,
/// address, some with a one-time password seed, notes with commas, quotes, '|' and new lines, a
/// custom field), with a card, a note and an identity in every ten, in a few folders/tags.
/// </summary>
internal static class BenchRows
{
    private static readonly string[] Folders = ["Work", "Personal", "Finance/Cards", "Family"];

    public static IEnumerable<RecordDraft> Drafts(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return Draft(i);
        }
    }

    public static RecordDraft Draft(int i)
    {
        string name = Invariant($"Site {i:D6}");
        RecordDraft draft;
        switch (i % 10)
        {
            case 7:
                draft = RecordDraft.FromTemplate(name, RecordTemplate.CreditCard);
                draft.SetField("CardNumber", Invariant($"4111 1111 {i % 10000:D4} {(i * 7) % 10000:D4}"));
                draft.SetField("ExpirationDate", "12/2029");
                draft.SetField("SecurityCode", Invariant($"{i % 1000:D3}"));
                draft.SetField("NameOnCard", "Alex Example");
                break;
            case 8:
                draft = RecordDraft.FromTemplate(name, RecordTemplate.SecureNote);
                break;
            case 9:
                draft = RecordDraft.FromTemplate(name, RecordTemplate.Identity);
                draft.SetField("FirstName", "Zoë");
                draft.SetField("LastName", Invariant($"Müller-{i}"));
                draft.SetField("Email", Invariant($"zoe{i}@example.org"));
                draft.SetField("Phone", "+41 44 000 00 00");
                break;
            default:
                draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
                draft.SetField("Username", Invariant($"user{i}@example.com"));
                draft.SetField("Password", Invariant($"pw-{i:X8}-Q7!z,K|\"x"));
                draft.SetField("Website", Invariant($"https://site{i % 997}.example.com/login"));
                draft.SetField("OneTimePassword", i % 5 == 0 ? "otpauth://totp/Example:alex?secret=JBSWY3DPEHPK3PXP&issuer=Example" : string.Empty);
                if (i % 3 == 0)
                {
                    draft.SetField("Security question", "first pet, \"Rex\"", FieldKind.Text);
                }

                break;
        }

        draft.Notes = i % 4 == 0 ? Invariant($"note {i}, with \"quotes\", a | bar\nand a second line") : string.Empty;
        draft.Tags.Add(Folders[i % Folders.Length]);
        draft.IsFavorite = i % 50 == 0;
        return draft;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
