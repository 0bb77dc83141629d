using System;
using System.Buffers.Binary;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit;

/// <summary>
/// The binary body of an emergency kit, integers big-endian:
/// <c>[u8 version = 1][16 account id][u8 email length 1–254][email UTF-8][u8 KDF algorithm = 1]
/// [u32 memory KiB][u32 passes][u8 lanes][16 salt][75 wrapped Account Key envelope]</c>.
/// Reading checks the version first and the KDF bounds before anything could allocate KDF memory.
/// </summary>
internal static class KitBody
{
    /// <summary>The only body version written and read.</summary>
    internal const byte FormatVersion = 1;

    /// <summary>The body length without the email's bytes.</summary>
    internal const int FixedLength = 1 + 16 + 1 + 1 + 4 + 4 + 1 + WrappedAccountKey.SaltLength + WrappedAccountKey.EnvelopeLength;

    /// <summary>The shortest body: a one-byte email.</summary>
    internal const int MinimumLength = FixedLength + 1;

    /// <summary>Writes the body of <paramref name="kit"/>.</summary>
    internal static byte[] Write(EmergencyKit kit)
    {
        byte[] email = StrictUtf8.Encoding.GetBytes(kit.Email);
        WrappedAccountKey wrapped = kit.WrappedAccountKey;
        KdfParameters kdf = wrapped.KdfParameters;

        byte[] body = new byte[FixedLength + email.Length];
        var writer = new SpanWriter(body);
        writer.WriteByte(FormatVersion);
        IdEncoding.Write(wrapped.AccountId, writer.Take(IdEncoding.Length));
        writer.WriteByte(checked((byte)email.Length));
        email.CopyTo(writer.Take(email.Length));
        writer.WriteByte(checked((byte)kdf.Algorithm));
        BinaryPrimitives.WriteUInt32BigEndian(writer.Take(sizeof(uint)), kdf.MemoryKiB);
        BinaryPrimitives.WriteUInt32BigEndian(writer.Take(sizeof(uint)), kdf.Passes);
        writer.WriteByte(checked((byte)kdf.Lanes));
        wrapped.Salt.Span.CopyTo(writer.Take(WrappedAccountKey.SaltLength));
        wrapped.EnvelopeBytes.Span.CopyTo(writer.Take(WrappedAccountKey.EnvelopeLength));
        return body;
    }

    /// <summary>Reads a body whose checksum has already been verified.</summary>
    /// <exception cref="MSecureException">KitUnsupportedVersion, KitMalformed or KdfParametersOutOfRange.</exception>
    internal static EmergencyKit Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            throw MSecureErrors.KitMalformed("it has no content.");
        }

        if (body[0] != FormatVersion)
        {
            throw MSecureErrors.KitUnsupportedVersion(body[0]);
        }

        var reader = new SpanReader(body[1..]);
        Guid accountId = IdEncoding.Read(reader.Take(IdEncoding.Length));
        int emailLength = reader.ReadByte();
        if (emailLength is < 1 or > EmergencyKit.MaximumEmailByteLength)
        {
            throw MSecureErrors.KitMalformed("its email address length is out of range.");
        }

        string email = DecodeEmail(reader.Take(emailLength));
        var kdf = new KdfParameters(
            (KdfAlgorithm)reader.ReadByte(),
            BinaryPrimitives.ReadUInt32BigEndian(reader.Take(sizeof(uint))),
            BinaryPrimitives.ReadUInt32BigEndian(reader.Take(sizeof(uint))),
            reader.ReadByte());
        kdf.EnsureWithinBounds();
        ReadOnlySpan<byte> salt = reader.Take(WrappedAccountKey.SaltLength);
        ReadOnlySpan<byte> envelope = reader.Take(WrappedAccountKey.EnvelopeLength);
        if (!reader.IsAtEnd)
        {
            throw MSecureErrors.KitMalformed("it has data after the wrapped Account Key.");
        }

        if (envelope[0] != Envelope.Version)
        {
            throw MSecureErrors.KitMalformed("its wrapped Account Key has an unknown format.");
        }

        try
        {
            EmergencyKit.ValidateEmail(email);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.InvalidArgument)
        {
            throw MSecureErrors.KitMalformed("its email address is not valid (empty, white space or control characters).");
        }

        return new EmergencyKit(new WrappedAccountKey(accountId, email, kdf, salt, envelope));
    }

    private static string DecodeEmail(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.Encoding.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw MSecureErrors.KitMalformed("its email address is not valid UTF-8.");
        }
    }

    private ref struct SpanWriter(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;
        private int _position;

        public void WriteByte(byte value) => Take(1)[0] = value;

        public Span<byte> Take(int length)
        {
            Span<byte> slice = _destination.Slice(_position, length);
            _position += length;
            return slice;
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> source)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private int _position;

        public readonly bool IsAtEnd => _position == _source.Length;

        public byte ReadByte() => Take(1)[0];

        public ReadOnlySpan<byte> Take(int length)
        {
            if (_source.Length - _position < length)
            {
                throw MSecureErrors.KitMalformed("it ends too early.");
            }

            ReadOnlySpan<byte> slice = _source.Slice(_position, length);
            _position += length;
            return slice;
        }
    }
}
