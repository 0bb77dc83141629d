using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Xml;

namespace MSecure.Core.Transfer.Formats.KeePass;

/// <summary>
/// KeePass 2.x XML (KeePass's "KeePass XML (2.x)" export and <c>keepassxc-cli export --format xml</c>),
/// read with an <see cref="XmlReader"/> entry by entry (memory flat): KeePassFile/Root/Group
/// nests groups, each with its Name, UUID, Entry elements and sub-groups. Entries of the recycle
/// bin (Meta/RecycleBinUUID) are deleted ones and are not imported. Values must be plain: a
/// <c>Protected="True"</c> value (the encrypted inner XML of a .kdbx) is a problem, not guessed at.
/// Locations are "entry N", N counting entries (outside history) in file order.
/// </summary>
internal sealed class KeePassXmlFormat : IImportFormat
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <inheritdoc/>
    public ImportFormat Format => ImportFormat.KeePassXml;

    /// <inheritdoc/>
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        string head = sniff.HeadText.TrimStart();
        return head.StartsWith('<') && head.Contains("<KeePassFile", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadEntries(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadEntries(Stream input, CancellationToken cancellationToken)
    {
        using XmlReader reader = XmlReader.Create(input, Settings);
        var groups = new List<Group>();
        string? recycleBin = null;
        bool sawRoot = false;
        int number = 0;
        while (Advance(reader, input))
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Group")
            {
                groups.RemoveAt(groups.Count - 1);
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            Group? current = groups.Count > 0 && reader.Depth == groups[^1].Depth + 1 ? groups[^1] : null;
            switch (reader.LocalName)
            {
                case "KeePassFile" when reader.Depth == 0:
                    continue;
                case "RecycleBinUUID" when groups.Count == 0:
                    recycleBin = Content(reader, input);
                    continue;
                case "Root" when reader.Depth == 1:
                    sawRoot = true;
                    continue;
                case "Group":
                    if (!reader.IsEmptyElement)
                    {
                        groups.Add(new Group(reader.Depth, groups.Count > 0 && groups[^1].InRecycleBin));
                    }

                    continue;
                case "Name" when current is not null:
                    current.Name = Content(reader, input);
                    continue;
                case "UUID" when current is not null:
                    string uuid = Content(reader, input);
                    current.InRecycleBin |= recycleBin is { Length: > 0 } && recycleBin != "AAAAAAAAAAAAAAAAAAAAAA==" && uuid == recycleBin;
                    continue;
                case "Entry" when current is not null:
                    cancellationToken.ThrowIfCancellationRequested();
                    number++;
                    KeePassEntry entry = ReadEntry(reader, input);
                    if (!current.InRecycleBin)
                    {
                        entry.GroupPath = PathOf(groups);
                        yield return entry.Build(string.Create(CultureInfo.InvariantCulture, $"entry {number}"));
                    }

                    continue;
            }
        }

        if (!sawRoot)
        {
            throw ImportInput.Invalid(input, "it has no KeePassFile/Root element, so it is not a KeePass 2 XML export.");
        }
    }

    /// <summary>The path of the innermost group, without the root group (the database itself).</summary>
    private static string PathOf(List<Group> groups)
    {
        var names = new List<string>(groups.Count);
        for (int i = 1; i < groups.Count; i++)
        {
            names.Add(string.IsNullOrWhiteSpace(groups[i].Name) ? "-" : groups[i].Name!.Trim());
        }

        return string.Join('/', names);
    }

    /// <summary>Reads an Entry element (its strings, attachments, tags and history count); leaves the reader on its end.</summary>
    private static KeePassEntry ReadEntry(XmlReader reader, Stream input)
    {
        var entry = new KeePassEntry();
        int depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return entry;
        }

        try
        {
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "String":
                        ReadString(reader, entry);
                        break;
                    case "Binary":
                        ReadBinary(reader, entry);
                        break;
                    case "Tags":
                        entry.AddTags(Text(reader));
                        break;
                    case "History":
                        entry.HistoryCount = CountEntries(reader);
                        break;
                    default:
                        if (!reader.IsEmptyElement)
                        {
                            SkipToEnd(reader);
                        }

                        break;
                }
            }
        }
        catch (XmlException error)
        {
            throw ImportInput.Invalid(input, Where(error));
        }

        return entry;
    }

    /// <summary>Moves the reader to the end of the element it is on.</summary>
    private static void SkipToEnd(XmlReader reader)
    {
        int depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
        }
    }

    /// <summary>Reads a String element (Key, Value); leaves the reader on its end.</summary>
    private static void ReadString(XmlReader reader, KeePassEntry entry)
    {
        string? key = null;
        string value = string.Empty;
        bool isProtected = false;
        bool encrypted = false;
        int depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return;
        }

        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "Key")
            {
                key = Text(reader);
            }
            else if (reader.LocalName == "Value")
            {
                encrypted = IsTrue(reader.GetAttribute("Protected"));
                isProtected = encrypted || IsTrue(reader.GetAttribute("ProtectInMemory"));
                value = Text(reader);
            }
        }

        if (key is null)
        {
            return;
        }

        if (encrypted)
        {
            entry.Fail($"its string '{Records.DisplayText.Neutralize(key)}' is encrypted (Protected=\"True\", as inside a .kdbx): export the database as plain XML");
            return;
        }

        entry.AddString(key, value, isProtected);
    }

    /// <summary>Reads a Binary element's Key (the attachment's name); leaves the reader on its end.</summary>
    private static void ReadBinary(XmlReader reader, KeePassEntry entry)
    {
        int depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return;
        }

        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Key" && reader.Depth == depth + 1)
            {
                entry.AddAttachment(Text(reader));
            }
        }
    }

    /// <summary>Counts the revisions of a History element; leaves the reader on its end.</summary>
    private static int CountEntries(XmlReader reader)
    {
        int count = 0;
        int depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return 0;
        }

        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "Entry")
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The text of the element the reader is on, which is left on the element's end (or on the element when empty).</summary>
    private static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        string? first = null;
        System.Text.StringBuilder? more = null;
        while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (first is null)
                {
                    first = reader.Value;
                }
                else
                {
                    (more ??= new System.Text.StringBuilder(first)).Append(reader.Value);
                }
            }
        }

        return more?.ToString() ?? first ?? string.Empty;
    }

    private static bool Advance(XmlReader reader, Stream input)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException error)
        {
            throw ImportInput.Invalid(input, Where(error));
        }
    }

    private static string Content(XmlReader reader, Stream input)
    {
        try
        {
            return Text(reader);
        }
        catch (XmlException error)
        {
            throw ImportInput.Invalid(input, Where(error));
        }
    }

    private static bool IsTrue(string? value) => string.Equals(value, "True", StringComparison.OrdinalIgnoreCase);

    // XmlException's message may quote the file's text: only the position is reported.
    private static string Where(XmlException error) =>
        string.Create(CultureInfo.InvariantCulture, $"it is not well-formed XML (line {error.LineNumber}, position {error.LinePosition}).");

    /// <summary>A group being read: its depth in the document, name, and whether it is (in) the recycle bin.</summary>
    private sealed class Group(int depth, bool inRecycleBin)
    {
        internal int Depth { get; } = depth;

        internal string? Name { get; set; }

        internal bool InRecycleBin { get; set; } = inRecycleBin;
    }
}
