using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace MSecure.Core.Transfer.Formats;

/// <summary>One value met while streaming a JSON document's root object.</summary>
/// <param name="Property">The root property the value belongs to.</param>
/// <param name="Index">The value's 0-based index in that property's array, or -1 when the property's value is not an array.</param>
/// <param name="Json">The value's JSON text (UTF-8); valid until the next <see cref="JsonRootArrays.TryRead"/>.</param>
internal readonly record struct JsonRootValue(string Property, int Index, ReadOnlyMemory<byte> Json)
{
    /// <summary>Position only: the JSON may hold secrets.</summary>
    public override string ToString() => $"{Property}[{Index}]";
}

/// <summary>
/// Streams a JSON document whose root is an object of arrays (<c>{"folders":[…],"items":[…]}</c>):
/// one element of a root array at a time, read with <see cref="Utf8JsonReader"/> from a buffer that
/// holds one element at most (memory flat in the number of elements). Root values that are not
/// arrays come whole with Index -1.
/// </summary>
internal sealed class JsonRootArrays : IDisposable
{
    /// <summary>The largest single element read; a larger one is a broken file.</summary>
    internal const int MaximumElementBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Stream _input;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private bool _bomChecked;
    private JsonReaderState _state = new(ReaderOptions);
    private Position _position = Position.BeforeRoot;
    private string _property = string.Empty;
    private int _index;

    /// <summary>Streams <paramref name="input"/> from its current position (left open).</summary>
    internal JsonRootArrays(Stream input)
    {
        _input = input;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    private enum Position
    {
        BeforeRoot,
        InRoot,
        BeforeValue,
        InArray,
        Done,
    }

    /// <summary>The next value, or false at the end of the root object.</summary>
    /// <exception cref="JsonException">Not JSON, or its root is not an object.</exception>
    /// <exception cref="InvalidDataException">An element larger than <see cref="MaximumElementBytes"/>.</exception>
    internal bool TryRead(out JsonRootValue value)
    {
        while (true)
        {
            if (_position == Position.Done)
            {
                value = default;
                return false;
            }

            if (Step(out value))
            {
                return true;
            }

            if (_final)
            {
                throw new JsonException("The JSON ends before its root object is closed.");
            }

            Refill();
        }
    }

    /// <summary>Reads tokens from the buffer until a value is complete (true) or more input is needed (false).</summary>
    private bool Step(out JsonRootValue value)
    {
        value = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        while (true)
        {
            JsonReaderState before = reader.CurrentState;
            long consumedBefore = reader.BytesConsumed;
            if (!reader.Read())
            {
                Commit(consumedBefore, before);
                return false;
            }

            switch (_position)
            {
                case Position.BeforeRoot:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("The JSON's root is not an object.");
                    }

                    _position = Position.InRoot;
                    break;
                case Position.InRoot:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _position = Position.Done;
                        Commit(reader.BytesConsumed, reader.CurrentState);
                        return false;
                    }

                    _property = reader.GetString() ?? string.Empty;
                    _position = Position.BeforeValue;
                    break;
                case Position.BeforeValue:
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _position = Position.InArray;
                        _index = 0;
                        break;
                    }

                    if (!TryTakeValue(ref reader, -1, consumedBefore, before, out value))
                    {
                        return false;
                    }

                    _position = Position.InRoot;
                    return true;
                case Position.InArray:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _position = Position.InRoot;
                        break;
                    }

                    if (!TryTakeValue(ref reader, _index, consumedBefore, before, out value))
                    {
                        return false;
                    }

                    _index++;
                    return true;
            }
        }
    }

    /// <summary>The value whose first token the reader is on, whole; false (and nothing consumed) when it runs past the buffer.</summary>
    private bool TryTakeValue(ref Utf8JsonReader reader, int index, long consumedBefore, JsonReaderState before, out JsonRootValue value)
    {
        long tokenStart = reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            Commit(consumedBefore, before);
            value = default;
            return false;
        }

        int from = _start + checked((int)tokenStart);
        int length = checked((int)(reader.BytesConsumed - tokenStart));
        value = new JsonRootValue(_property, index, _buffer.AsMemory(from, length));
        Commit(reader.BytesConsumed, reader.CurrentState);
        return true;
    }

    private void Commit(long consumed, JsonReaderState state)
    {
        _start += checked((int)consumed);
        _state = state;
    }

    private void Refill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaximumElementBytes)
            {
                throw new InvalidDataException("An entry is larger than 64 MiB.");
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = larger;
        }

        int read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
            return;
        }

        _end += read;
        if (!_bomChecked && _end >= 3)
        {
            _bomChecked = true;
            if (_buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
            }
        }
    }

    /// <summary>Returns the buffer, cleared (it held entries' secrets).</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }
}
