using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Transfer;

/// <summary>Finds the format of an import file from its content (the file name is never trusted).</summary>
public static class ImportFormatDetector
{
    /// <summary>How much of the file the formats see.</summary>
    public const int HeadLength = 64 * 1024;

    /// <summary>The format of <paramref name="input"/> (seekable, read from its start; left at its start).</summary>
    /// <exception cref="MSecureException">ImportFormatUnknown: no format recognises the content.</exception>
    public static ImportFormat Detect(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ImportSniff sniff = Sniff(input);
        foreach (IImportFormat format in ImportFormats.All)
        {
            if (format.Recognizes(sniff))
            {
                return format.Format;
            }
        }

        throw MSecureErrors.ImportFormatUnknown(null);
    }

    /// <summary>The head of <paramref name="input"/> and, for a zip archive, its entry names; the stream is left at its start.</summary>
    public static ImportSniff Sniff(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Position = 0;
        byte[] head = new byte[HeadLength];
        int length = 0;
        int read;
        while (length < head.Length && (read = input.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
        }

        ReadOnlyMemory<byte> bytes = head.AsMemory(0, length);
        IReadOnlyList<string> entries = IsZip(bytes.Span) ? ZipEntryNames(input) : [];
        input.Position = 0;
        return new ImportSniff(bytes, DecodeHead(bytes.Span), entries);
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;

    private static List<string> ZipEntryNames(Stream input)
    {
        var names = new List<string>();
        try
        {
            input.Position = 0;
            using var archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                names.Add(entry.FullName);
            }
        }
        catch (InvalidDataException)
        {
            // A damaged archive is recognised by no format: ImportFormatUnknown says so.
        }

        return names;
    }

    private static string DecodeHead(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (head.StartsWith(bom))
        {
            head = head[bom.Length..];
        }

        // A cut multi-byte character at the end becomes U+FFFD: harmless for recognising a format.
        return Encoding.UTF8.GetString(head);
    }
}
