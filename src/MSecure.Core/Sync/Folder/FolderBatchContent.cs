using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// The plaintext of a batch or compaction file, UTF-8 JSON:
/// <c>{"changes":[{"record":"&lt;guid&gt;","change":"&lt;guid&gt;","deleted":false,"envelope":"&lt;base64&gt;"}],"covers":{"&lt;vault id&gt;":12}}</c>.
/// <c>covers</c> (compactions only) maps each device to the highest batch number n such that the
/// compaction holds every change of that device's batches 1..n. Written and read with the
/// streaming JSON API: a 100,000-change compaction parses without an object model.
/// </summary>
/// <param name="Changes">The changes, in the order written.</param>
/// <param name="Covers">Compactions: the batches covered per device; batches: null.</param>
internal sealed record FolderBatchContent(IReadOnlyList<FolderChange> Changes, IReadOnlyDictionary<Guid, long>? Covers)
{
    /// <summary>Writes the JSON.</summary>
    internal byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("changes"u8);
            foreach (FolderChange change in Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("record"u8, change.RecordId);
                writer.WriteString("change"u8, change.ChangeId);
                writer.WriteBoolean("deleted"u8, change.Deleted);
                writer.WriteBase64String("envelope"u8, change.Envelope);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (Covers is not null)
            {
                writer.WriteStartObject("covers"u8);
                foreach ((Guid device, long number) in Covers)
                {
                    writer.WriteNumber(FolderFileName.DeviceFolderName(device), number);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Parses the JSON of a file of <paramref name="kind"/>; null with a <paramref name="reason"/>
    /// when it is not well formed: a required member missing or repeated, a wrong type, an id that
    /// is not a GUID, an envelope outside 29 bytes..MaxSyncEnvelopeBytes, covers in a batch or
    /// missing from a compaction. Unknown members are skipped (a later version may add some).
    /// </summary>
    internal static FolderBatchContent? TryParse(ReadOnlySpan<byte> json, FolderFileKind kind, out string reason)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            FolderBatchContent content = Parse(ref reader, kind);
            reason = string.Empty;
            return content;
        }
        catch (InvalidDataException exception)
        {
            reason = "its content is not a valid sync batch: " + exception.Message;
            return null;
        }
        catch (JsonException)
        {
            // The reader's own message may quote a character of the content: not repeated.
            reason = "its content is not a valid sync batch: the JSON is malformed.";
            return null;
        }
        catch (FormatException)
        {
            reason = "its content is not a valid sync batch: a number or envelope is malformed.";
            return null;
        }
        catch (InvalidOperationException)
        {
            reason = "its content is not a valid sync batch: a member has the wrong type.";
            return null;
        }
    }

    private static FolderBatchContent Parse(ref Utf8JsonReader reader, FolderFileKind kind)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        List<FolderChange>? changes = null;
        Dictionary<Guid, long>? covers = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("changes"u8))
            {
                if (changes is not null)
                {
                    throw new InvalidDataException("'changes' appears twice.");
                }

                changes = ReadChanges(ref reader);
            }
            else if (reader.ValueTextEquals("covers"u8))
            {
                if (covers is not null || kind != FolderFileKind.Compaction)
                {
                    throw new InvalidDataException("'covers' is repeated or in a batch.");
                }

                covers = ReadCovers(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || changes is null || (kind == FolderFileKind.Compaction && covers is null))
        {
            throw new InvalidDataException("'changes' (and in a compaction 'covers') is required.");
        }

        if (reader.Read())
        {
            throw new InvalidDataException("content follows the object.");
        }

        return new FolderBatchContent(changes, covers);
    }

    private static List<FolderChange> ReadChanges(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var changes = new List<FolderChange>();
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            changes.Add(ReadChange(ref reader));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new InvalidDataException("'changes' holds something other than change objects.");
        }

        return changes;
    }

    private static FolderChange ReadChange(ref Utf8JsonReader reader)
    {
        Guid? record = null, change = null;
        bool? deleted = null;
        byte[]? envelope = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("record"u8))
            {
                record = ReadOnce(record, ReadId(ref reader));
            }
            else if (reader.ValueTextEquals("change"u8))
            {
                change = ReadOnce(change, ReadId(ref reader));
            }
            else if (reader.ValueTextEquals("deleted"u8))
            {
                Next(ref reader);
                deleted = ReadOnce(deleted, reader.GetBoolean());
            }
            else if (reader.ValueTextEquals("envelope"u8))
            {
                Next(ref reader);
                if (envelope is not null)
                {
                    throw new InvalidDataException("a change member appears twice.");
                }

                envelope = reader.GetBytesFromBase64();
                if (envelope.Length is < Envelope.Overhead or > AccountProtocol.MaxSyncEnvelopeBytes)
                {
                    throw new InvalidDataException("an envelope's length is outside the allowed range.");
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (record is null || change is null || deleted is null || envelope is null)
        {
            throw new InvalidDataException("a change lacks 'record', 'change', 'deleted' or 'envelope'.");
        }

        return new FolderChange(record.Value, change.Value, deleted.Value, envelope);
    }

    private static Dictionary<Guid, long> ReadCovers(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var covers = new Dictionary<Guid, long>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (!FolderFileName.TryParseDeviceFolder(reader.GetString() ?? string.Empty, out Guid device))
            {
                throw new InvalidDataException("a 'covers' key is not a vault id.");
            }

            Next(ref reader);
            long number = reader.GetInt64();
            if (number is < 0 or > FolderFileName.MaxNumber || !covers.TryAdd(device, number))
            {
                throw new InvalidDataException("a 'covers' entry is repeated or out of range.");
            }
        }

        return covers;
    }

    private static T ReadOnce<T>(T? existing, T value)
        where T : struct =>
        existing is null ? value : throw new InvalidDataException("a change member appears twice.");

    private static Guid ReadId(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return Guid.TryParseExact(reader.GetString(), "D", out Guid id) ? id : throw new InvalidDataException("an id is not a GUID.");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new InvalidDataException("unexpected JSON structure.");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("the JSON ends early.");
}
