namespace MSecure.Server.Security;

/// <summary>
/// Bearer tokens: "mst_" and 32 random bytes in base64url. The server stores only their SHA-256,
/// so a stolen database holds no usable token.
/// </summary>
internal static class BearerTokens
{
    public const string Prefix = "mst_";

    // "mst_" + 43 base64url characters; longer headers are refused before hashing.
    public const int MaxLength = 64;

    /// <summary>A fresh token and the hash the server keeps of it.</summary>
    public static (string Token, byte[] Hash) Create() => PrefixedSecrets.Create(Prefix, 32);

    /// <summary>The SHA-256 of the token's text, as stored.</summary>
    public static byte[] Hash(string token) => PrefixedSecrets.Hash(token);
}
