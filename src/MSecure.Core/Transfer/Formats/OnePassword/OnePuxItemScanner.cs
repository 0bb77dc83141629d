using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>One item of a 1PUX export.data, with the name of the vault it is in.</summary>
/// <param name="Item">The item's JSON (the caller disposes it).</param>
/// <param name="VaultName">Its vault's name, when the vault's attrs came before its items (as 1Password writes them).</param>
internal sealed record OnePuxItem(JsonDocument Item, string? VaultName);

/// <summary>
/// Streams the items of export.data (<c>{"accounts":[{"vaults":[{"attrs":{…},"items":[{…}]}]}]}</c>)
/// with a <see cref="Utf8JsonReader"/> over a refilled buffer: only the item being read is held
/// (as its own <see cref="JsonDocument"/>), so memory stays flat in the number of items. Everything
/// outside accounts → vaults → attrs/items is skipped unread.
/// </summary>
internal sealed class OnePuxItemScanner
{
    /// <summary>The largest single item accepted (a bigger one is not a real export).</summary>
    internal const int MaximumItemBytes = 64 * 1024 * 1024;

    private readonly Stream _data;
    private readonly List<Container> _path = [];
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private string? _property;
    private string? _vaultName;

    internal OnePuxItemScanner(Stream data) => _data = data;

    private enum Container
    {
        Root,
        Accounts,
        Account,
        Vaults,
        Vault,
        Items,
        Other,
    }

    /// <summary>The next items found, in file order; empty once the data ends.</summary>
    /// <exception cref="JsonException">export.data is not well-formed JSON.</exception>
    /// <exception cref="InvalidDataException">The data is not shaped like export.data, or an item is too large.</exception>
    internal List<OnePuxItem> Next()
    {
        var found = new List<OnePuxItem>();
        while (found.Count == 0)
        {
            bool more = Fill();
            int consumed = Scan(found);
            Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
            _length -= consumed;
            if (!more && consumed == 0)
            {
                if (_path.Count > 0 || _buffer.AsSpan(0, _length).TrimStart(" \t\r\n"u8).Length > 0)
                {
                    throw new InvalidDataException("export.data ends before its JSON is complete.");
                }

                break;
            }

            if (consumed == 0 && _length == _buffer.Length)
            {
                if (_buffer.Length >= MaximumItemBytes)
                {
                    throw new InvalidDataException("an item of export.data is larger than 64 MiB.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        return found;
    }

    /// <summary>Reads more input into the free end of the buffer; false when the input has ended.</summary>
    private bool Fill()
    {
        if (_final)
        {
            return false;
        }

        int read;
        while (_length < _buffer.Length && (read = _data.Read(_buffer, _length, _buffer.Length - _length)) > 0)
        {
            _length += read;
        }

        _final = _length < _buffer.Length;
        return true;
    }

    /// <summary>Reads the tokens in the buffer, adding the items completed; returns the bytes consumed.</summary>
    private int Scan(List<OnePuxItem> found)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, _state);
        while (true)
        {
            Utf8JsonReader checkpoint = reader;
            if (!reader.Read())
            {
                break;
            }

            if (!Handle(ref reader, found))
            {
                // The value is not wholly in the buffer: read again from before it once more input is in.
                reader = checkpoint;
                break;
            }
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Handles one token; false when it starts a value that must be read whole and is not yet all in the buffer.</summary>
    private bool Handle(ref Utf8JsonReader reader, List<OnePuxItem> found)
    {
        Container top = _path.Count == 0 ? Container.Other : _path[^1];
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _property = reader.GetString();
                return true;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                if (top == Container.Vault)
                {
                    _vaultName = null;
                }

                _path.RemoveAt(_path.Count - 1);
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                break;
            default:
                return true;
        }

        bool isObject = reader.TokenType == JsonTokenType.StartObject;
        Container? next = _path.Count == 0 ? (isObject ? Container.Root : null)
            : (top, isObject, _property) switch
            {
                (Container.Root, false, "accounts") => Container.Accounts,
                (Container.Accounts, true, _) => Container.Account,
                (Container.Account, false, "vaults") => Container.Vaults,
                (Container.Vaults, true, _) => Container.Vault,
                (Container.Vault, false, "items") => Container.Items,
                _ => null,
            };
        if (_path.Count == 0 && next is null)
        {
            throw new InvalidDataException("export.data is not a JSON object.");
        }

        if (next is { } container)
        {
            _path.Add(container);
            _property = null;
            return true;
        }

        bool capture = isObject && (top == Container.Items || (top == Container.Vault && _property == "attrs"));
        int start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        if (capture)
        {
            byte[] json = _buffer.AsSpan(start, (int)reader.BytesConsumed - start).ToArray();
            var document = JsonDocument.Parse(json);
            if (top == Container.Items)
            {
                found.Add(new OnePuxItem(document, _vaultName));
            }
            else
            {
                using (document)
                {
                    _vaultName = document.RootElement.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String
                        ? name.GetString()
                        : null;
                }
            }
        }

        _property = null;
        return true;
    }
}
