using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// <c>msecure-sync.json</c>, the folder's account file, plain UTF-8 JSON without any secret:
/// <c>{"format":1,"accountId":"&lt;guid&gt;","verifier":"&lt;base64 of the account's verifier envelope&gt;"}</c>.
/// Written once by the first device (temporary file, then a rename that never replaces), replaced
/// only by a device that rotated the Account Key and takes the folder over.
/// </summary>
/// <param name="AccountId">The account whose devices sync here.</param>
/// <param name="Verifier">The account's verifier envelope (opens only with the account's keys).</param>
internal sealed record FolderAccountFile(Guid AccountId, byte[] Verifier)
{
    /// <summary>The format number written and read.</summary>
    internal const int Format = 1;

    /// <summary>A larger account file is not one.</summary>
    internal const int MaximumLength = 64 * 1024;

    /// <summary>The JSON bytes.</summary>
    internal byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format"u8, Format);
            writer.WriteString("accountId"u8, AccountId);
            writer.WriteBase64String("verifier"u8, Verifier);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads the account file of <paramref name="folder"/>: null when there is none; SyncFolderInvalid
    /// (via <paramref name="invalid"/>) when it is unreadable, too large, or not this format.
    /// </summary>
    internal static FolderAccountFile? Read(string folder, Func<string, Exception?, Exception> invalid)
    {
        string path = Path.Combine(folder, FolderFileName.AccountFileName);
        byte[]? content;
        try
        {
            content = FolderFiles.TryRead(path, MaximumLength, out bool tooLarge);
            if (tooLarge)
            {
                throw invalid($"its {FolderFileName.AccountFileName} is larger than {MaximumLength} bytes, so it is not an MSecure account file.", null);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw invalid($"its {FolderFileName.AccountFileName} cannot be read ({exception.GetType().Name}).", exception);
        }

        return content is null ? null : Parse(content) ?? throw invalid(
            $"its {FolderFileName.AccountFileName} is not an MSecure account file (format {Format} with 'accountId' and 'verifier').", null);
    }

    private static FolderAccountFile? Parse(byte[] content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format"u8, out JsonElement format) || format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out int number) || number != Format
                || !root.TryGetProperty("accountId"u8, out JsonElement account) || account.ValueKind != JsonValueKind.String
                || !Guid.TryParseExact(account.GetString(), "D", out Guid accountId)
                || !root.TryGetProperty("verifier"u8, out JsonElement verifier) || verifier.ValueKind != JsonValueKind.String
                || !verifier.TryGetBytesFromBase64(out byte[]? verifierBytes) || verifierBytes.Length == 0)
            {
                return null;
            }

            return new FolderAccountFile(accountId, verifierBytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
