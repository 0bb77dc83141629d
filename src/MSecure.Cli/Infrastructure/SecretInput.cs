using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// A stream (standard input, a file) read once, as secrets taken in order: each secret but the last is one line
/// (a password, then a new password), the last is everything left without one trailing newline
/// (a value, which may span lines). The bytes and characters live in pinned buffers zeroed on
/// dispose; nothing is read until the first secret is asked for.
/// </summary>
internal sealed class SecretInput : IDisposable
{
    /// <summary>The most standard input that is read (a record is far smaller).</summary>
    internal const int MaximumBytes = 4 * 1024 * 1024;

    private readonly Func<Stream> _open;
    private char[]? _characters;
    private int _length;
    private int _position;

    internal SecretInput(Func<Stream> open) => _open = open;

    /// <summary>The next line (without its line break); null when standard input is used up.</summary>
    internal SecretText? TakeLine()
    {
        ReadOnlySpan<char> rest = Rest();
        if (rest.IsEmpty && _position >= _length)
        {
            return null;
        }

        int end = rest.IndexOfAny('\r', '\n');
        ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
        _position += line.Length;
        if (end >= 0)
        {
            _position += rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
        }

        return SecretText.Copy(line);
    }

    /// <summary>Everything left, without one trailing line break; null when standard input is used up.</summary>
    internal SecretText? TakeRest()
    {
        ReadOnlySpan<char> rest = Rest();
        if (rest.IsEmpty && _position >= _length)
        {
            return null;
        }

        if (rest.EndsWith("\r\n", StringComparison.Ordinal))
        {
            rest = rest[..^2];
        }
        else if (rest.EndsWith("\n", StringComparison.Ordinal))
        {
            rest = rest[..^1];
        }

        _position = _length;
        return SecretText.Copy(rest);
    }

    public void Dispose()
    {
        if (_characters is not null)
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_characters.AsSpan()));
        }
    }

    private ReadOnlySpan<char> Rest()
    {
        _characters ??= ReadAll();
        return _characters.AsSpan(_position, _length - _position);
    }

    private char[] ReadAll()
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(MaximumBytes + 1, pinned: true);
        try
        {
            int read = 0;
            using (Stream input = _open())
            {
                int count;
                while (read < bytes.Length && (count = input.Read(bytes, read, bytes.Length - read)) > 0)
                {
                    read += count;
                }
            }

            if (read > MaximumBytes)
            {
                throw CliException.Usage($"Standard input is larger than {MaximumBytes} bytes.");
            }

            ReadOnlySpan<byte> content = bytes.AsSpan(0, read);
            if (content.StartsWith("\uFEFF"u8))
            {
                content = content[3..];
            }

            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            char[] characters = GC.AllocateUninitializedArray<char>(strict.GetMaxCharCount(content.Length), pinned: true);
            try
            {
                _length = strict.GetChars(content, characters);
            }
            catch (DecoderFallbackException exception)
            {
                CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(characters.AsSpan()));
                throw new CliException("InvalidInput", ExitCodes.InvalidData, "Standard input is not valid UTF-8.", exception);
            }

            return characters;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
