using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// A record as the record cmdlets write it: its content at one revision and the vault it lives
/// in. Secret field values and the notes are SecureStrings unless read with -AsPlainText (a
/// Secure Note's secret lives in its notes). The default views never show a secret value or
/// the notes.
/// </summary>
public sealed class MSecureRecord
{
    internal MSecureRecord(Guid id, string name, string template, IReadOnlyList<MSecureRecordField> fields, IReadOnlyList<string> tags,
        object notes, bool isFavorite, DateTimeOffset createdAt, DateTimeOffset modifiedAt, long revision, string vaultPath, string vaultName, string? userName, string? url)
    {
        Id = id;
        Name = name;
        Template = template;
        Fields = fields;
        Tags = tags;
        Notes = notes;
        IsFavorite = isFavorite;
        CreatedAt = createdAt;
        ModifiedAt = modifiedAt;
        Revision = revision;
        VaultPath = vaultPath;
        VaultName = vaultName;
        UserName = userName;
        Url = url;
    }

    /// <summary>The record's id, fixed for its life.</summary>
    public Guid Id { get; }

    /// <summary>The record's name, unique in its vault ignoring case.</summary>
    public string Name { get; }

    /// <summary>The record's template, for example Login.</summary>
    public string Template { get; }

    /// <summary>
    /// The user name: the value of the template's user name field (Username; Email for an email
    /// account, NetworkName for a wireless router), or of a Username field a record of another
    /// template was given; null when there is none or it was made secret. What -UserName sets.
    /// </summary>
    public string? UserName { get; }

    /// <summary>The web address: the value of the first web address field (a login's Website); null when there is none. What -Url sets.</summary>
    public string? Url { get; }

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<MSecureRecordField> Fields { get; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The notes: a SecureString (a String with -AsPlainText), for every template.</summary>
    public object Notes { get; }

    /// <summary>Whether the record is a favorite.</summary>
    public bool IsFavorite { get; }

    /// <summary>When the record was first added.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When this revision was written.</summary>
    public DateTimeOffset ModifiedAt { get; }

    /// <summary>The revision: 1 when added, one more for every change.</summary>
    public long Revision { get; }

    /// <summary>The full path of the vault file holding the record (binds to -Vault by property name).</summary>
    public string VaultPath { get; }

    /// <summary>The name of the vault holding the record.</summary>
    public string VaultName { get; }

    /// <summary>The field labelled <paramref name="label"/>, ignoring case, or null.</summary>
    public MSecureRecordField? GetField(string label)
    {
        foreach (MSecureRecordField field in Fields)
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Name (control characters neutralised), template and revision; never a value.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}, revision {2})", Formatting.TerminalText.Of(Name), Template, Revision);
}
