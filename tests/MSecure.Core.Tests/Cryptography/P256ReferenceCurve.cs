using System;
using System.Globalization;
using System.Numerics;

namespace MSecure.Core.Tests.Cryptography;

/// <summary>
/// Textbook affine arithmetic on NIST P-256 (constants from FIPS 186-5 / SEC 2 section 2.4.2),
/// used only to check the platform's public keys independently. Not constant time.
/// </summary>
internal static class P256ReferenceCurve
{
    public static readonly BigInteger P = Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    public static readonly BigInteger A = P - 3;
    public static readonly BigInteger B = Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
    public static readonly BigInteger N = Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    public static readonly (BigInteger X, BigInteger Y) G = (
        Hex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
        Hex("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"));

    public static bool IsOnCurve((BigInteger X, BigInteger Y) point) =>
        Mod((point.Y * point.Y) - ((point.X * point.X * point.X) + (A * point.X) + B)) == 0;

    /// <summary>k·point by double-and-add; null stands for the point at infinity.</summary>
    public static (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y) point)
    {
        (BigInteger X, BigInteger Y)? result = null;
        (BigInteger X, BigInteger Y)? addend = point;
        while (k > 0)
        {
            if (!k.IsEven)
            {
                result = Add(result, addend);
            }

            addend = Add(addend, addend);
            k >>= 1;
        }

        return result;
    }

    public static byte[] Uncompressed((BigInteger X, BigInteger Y) point)
    {
        byte[] encoded = new byte[65];
        encoded[0] = 0x04;
        WriteCoordinate(point.X, encoded.AsSpan(1, 32));
        WriteCoordinate(point.Y, encoded.AsSpan(33, 32));
        return encoded;
    }

    private static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? left, (BigInteger X, BigInteger Y)? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        var (x1, y1) = left.Value;
        var (x2, y2) = right.Value;
        BigInteger slope;
        if (x1 == x2)
        {
            if (Mod(y1 + y2) == 0)
            {
                return null;
            }

            slope = Mod(((3 * x1 * x1) + A) * Inverse(2 * y1));
        }
        else
        {
            slope = Mod((y2 - y1) * Inverse(x2 - x1));
        }

        BigInteger x3 = Mod((slope * slope) - x1 - x2);
        BigInteger y3 = Mod((slope * (x1 - x3)) - y1);
        return (x3, y3);
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger result = value % P;
        return result.Sign < 0 ? result + P : result;
    }

    private static void WriteCoordinate(BigInteger value, Span<byte> destination)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(destination[(32 - bytes.Length)..]);
    }

    private static BigInteger Hex(string digits) =>
        BigInteger.Parse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
