using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using MSecure.Core.Kit;

namespace MSecure.Core.Tests.Kit;

/// <summary>Writes kit bodies field by field, so tests can build well-checksummed hostile kits.</summary>
internal sealed class KitBodyBuilder
{
    public byte Version { get; set; } = 1;
    public byte[] AccountId { get; set; } = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
    public byte[] Email { get; set; } = Encoding.UTF8.GetBytes("admin@example.com");
    public int? EmailLengthOverride { get; set; }
    public byte Algorithm { get; set; } = 1;
    public uint MemoryKiB { get; set; } = 19_456;
    public uint Passes { get; set; } = 1;
    public byte Lanes { get; set; } = 1;
    public byte[] Salt { get; set; } = new byte[16];
    public byte[] Envelope { get; set; } = NewEnvelope();
    public byte[] Trailing { get; set; } = [];

    public static byte[] NewEnvelope()
    {
        byte[] envelope = new byte[75];
        envelope[0] = 1;
        return envelope;
    }

    public byte[] Build()
    {
        var body = new List<byte> { Version };
        body.AddRange(AccountId);
        body.Add((byte)(EmailLengthOverride ?? Email.Length));
        body.AddRange(Email);
        body.Add(Algorithm);
        body.AddRange(BigEndian(MemoryKiB));
        body.AddRange(BigEndian(Passes));
        body.Add(Lanes);
        body.AddRange(Salt);
        body.AddRange(Envelope);
        body.AddRange(Trailing);
        return [.. body];
    }

    public string BuildText() => KitText.Encode(Build());

    private static byte[] BigEndian(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
