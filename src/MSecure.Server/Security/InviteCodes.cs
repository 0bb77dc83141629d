using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.Server.Security;

/// <summary>Invite codes: "msi_" and 18 random bytes in base64url; the server stores only their SHA-256.</summary>
internal static class InviteCodes
{
    private const string Prefix = "msi_";
    private const int RandomLength = 18;

    public static (string Code, byte[] Hash) Create()
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        string code = Prefix + Base64Url.EncodeToString(random);
        return (code, Hash(code));
    }

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim()));
}
