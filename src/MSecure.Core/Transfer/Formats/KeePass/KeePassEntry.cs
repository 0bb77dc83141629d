using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.KeePass;

/// <summary>
/// One KeePass entry as read from an XML or CSV export, and its mapping onto a record: a Login
/// (a SecureNote when it has no user name, password, URL or one-time password), the standard
/// strings in the Login's fields, the group path (without the root group) as a tag, the entry's
/// own tags, the TOTP seed (<see cref="KeePassOneTimePasswords"/>), every other string a custom
/// field (protected => Secret), attachments and history revisions as remarks.
/// </summary>
internal sealed class KeePassEntry
{
    private const string SourceKind = "entry";
    private const string TitleKey = "Title";
    private const string UserNameKey = "UserName";
    private const string PasswordKey = "Password";
    private const string UrlKey = "URL";
    private const string NotesKey = "Notes";

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly List<(string Key, bool Protected)> _order = [];
    private readonly List<string> _tags = [];
    private readonly List<string> _attachments = [];
    private readonly List<string> _problems = [];

    /// <summary>The group path without the root group ("Work/Cloud"), or empty.</summary>
    internal string GroupPath { get; set; } = string.Empty;

    /// <summary>How many history revisions the entry has (not imported).</summary>
    internal int HistoryCount { get; set; }

    /// <summary>Adds a string field (<paramref name="isProtected"/>: ProtectInMemory or Protected in the source).</summary>
    internal void AddString(string key, string value, bool isProtected)
    {
        if (_strings.TryAdd(key, value))
        {
            _order.Add((key, isProtected));
        }
    }

    /// <summary>Adds the entry's tags, separated by ';' or ','.</summary>
    internal void AddTags(string? tags)
    {
        if (!string.IsNullOrWhiteSpace(tags))
        {
            _tags.AddRange(tags.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    /// <summary>An attachment by its file name (reported as skipped).</summary>
    internal void AddAttachment(string name) => _attachments.Add(name);

    /// <summary>The entry cannot be read (the reason names no value).</summary>
    internal void Fail(string problem) => _problems.Add(problem);

    /// <summary>The record at <paramref name="location"/>.</summary>
    internal ImportItem Build(string location)
    {
        string title = Get(TitleKey);
        string userName = Get(UserNameKey);
        string password = Get(PasswordKey);
        string url = Get(UrlKey);
        string? seed;
        try
        {
            seed = KeePassOneTimePasswords.SeedOf(_strings, title);
        }
        catch (FormatException)
        {
            seed = null;
            _problems.Add("its TOTP secret (TimeOtp-Secret-Hex or -Base64) does not decode");
        }

        if (_problems.Count > 0)
        {
            return ImportItem.Failed(location, string.Join("; ", _problems), SourceKind);
        }

        bool isLogin = userName.Length > 0 || password.Length > 0 || url.Length > 0 || !string.IsNullOrEmpty(seed);
        var entry = new ImportDraftBuilder(title, isLogin ? RecordTemplate.Login : RecordTemplate.SecureNote);
        entry.Put(RecordFieldNames.DefaultUserNameLabel, userName, FieldKind.Text);
        entry.Put(RecordFieldNames.DefaultPasswordLabel, password, FieldKind.Secret);
        entry.Put(RecordFieldNames.DefaultUrlLabel, url, FieldKind.Url);
        entry.SetOneTimePassword(seed);
        entry.Notes = Get(NotesKey);
        entry.AddTag(GroupPath);
        foreach (string tag in _tags)
        {
            entry.AddTag(tag);
        }

        foreach ((string key, bool isProtected) in _order)
        {
            if (key is TitleKey or UserNameKey or PasswordKey or UrlKey or NotesKey || KeePassOneTimePasswords.IsSeedKey(key))
            {
                continue;
            }

            entry.AddCustom(key, _strings[key], isProtected ? FieldKind.Secret : FieldKind.Text);
        }

        foreach (string attachment in _attachments)
        {
            entry.AttachmentSkipped(attachment);
        }

        if (HistoryCount > 0)
        {
            entry.Remark(string.Create(CultureInfo.InvariantCulture, $"{HistoryCount} history revision(s) not imported"));
        }

        return entry.Build(location, SourceKind);
    }

    private string Get(string key) => _strings.TryGetValue(key, out string? value) ? value : string.Empty;
}
