namespace MSecure.Server.Security;

/// <summary>Invite codes: "msi_" and 18 random bytes in base64url; the server stores only their SHA-256.</summary>
internal static class InviteCodes
{
    public static (string Code, byte[] Hash) Create() => PrefixedSecrets.Create("msi_", 18);

    public static byte[] Hash(string code) => PrefixedSecrets.Hash(code.Trim());
}
