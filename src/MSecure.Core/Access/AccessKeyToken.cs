using System;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Access;

/// <summary>
/// The token a pipeline holds: <c>msa1.</c> base64url(payload) <c>.</c> base64url(secret, 32 bytes).
/// Payload (big-endian): key id (16) ‖ account id (16) ‖ fingerprint length (1: 0 or 32) ‖ SHA-256
/// certificate fingerprint ‖ server address, UTF-8 (the rest; empty when the key reads the vault
/// file). The secret is in a pinned array wiped on <see cref="Dispose"/>; the payload is not secret.
/// </summary>
internal sealed class AccessKeyToken : IDisposable
{
    internal const string Prefix = "msa1.";
    internal const int SecretLength = 32;
    private const int FingerprintLength = 32;
    private const int MaxServerBytes = 2048;

    private readonly byte[] _secret = GC.AllocateArray<byte>(SecretLength, pinned: true);

    internal AccessKeyToken(Guid keyId, Guid accountId, Uri? server, string? fingerprint, ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretLength)
        {
            throw new ArgumentException("An access key secret is 32 bytes.", nameof(secret));
        }

        KeyId = keyId;
        AccountId = accountId;
        Server = server;
        Fingerprint = fingerprint;
        secret.CopyTo(_secret);
    }

    /// <summary>The key id.</summary>
    internal Guid KeyId { get; }

    /// <summary>The account id (part of the key derivation's salt).</summary>
    internal Guid AccountId { get; }

    /// <summary>The account server to read from, or null to read the vault file.</summary>
    internal Uri? Server { get; }

    /// <summary>The pinned certificate fingerprint (64 uppercase hex digits), or null for the system trust store.</summary>
    internal string? Fingerprint { get; }

    /// <summary>The 32-byte secret.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Parses a token; AccessKeyInvalid (never quoting it) when it is not one.</summary>
    internal static AccessKeyToken Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw MSecureErrors.AccessKeyInvalid("it does not start with 'msa1.'");
        }

        ReadOnlySpan<char> rest = text[Prefix.Length..];
        int dot = rest.IndexOf('.');
        if (dot <= 0)
        {
            throw MSecureErrors.AccessKeyInvalid("it does not have the form msa1.<payload>.<secret>");
        }

        byte[] payload = new byte[Base64UrlText.EncodedLength(MaxServerBytes + 65)];
        byte[] secret = GC.AllocateArray<byte>(SecretLength + 3, pinned: true);
        try
        {
            if (!Base64UrlText.TryDecode(rest[..dot], payload, out int payloadLength) || payloadLength < 33)
            {
                throw MSecureErrors.AccessKeyInvalid("its payload is not valid");
            }

            if (!Base64UrlText.TryDecode(rest[(dot + 1)..], secret, out int secretLength) || secretLength != SecretLength)
            {
                throw MSecureErrors.AccessKeyInvalid("its secret is not 32 bytes of base64url");
            }

            return FromPayload(payload.AsSpan(0, payloadLength), secret.AsSpan(0, SecretLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The token text in a new pinned array the caller wipes.</summary>
    internal char[] Format()
    {
        byte[] payload = Payload();
        int payloadChars = Base64UrlText.EncodedLength(payload.Length);
        int secretChars = Base64UrlText.EncodedLength(SecretLength);
        char[] text = GC.AllocateArray<char>(Prefix.Length + payloadChars + 1 + secretChars, pinned: true);
        Prefix.AsSpan().CopyTo(text);
        Base64UrlText.Encode(payload, text.AsSpan(Prefix.Length, payloadChars));
        text[Prefix.Length + payloadChars] = '.';
        Base64UrlText.Encode(_secret, text.AsSpan(Prefix.Length + payloadChars + 1, secretChars));
        return text;
    }

    /// <summary>Wipes the secret.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);

    /// <summary>Names the key only.</summary>
    public override string ToString() => "AccessKeyToken " + KeyId.ToString("D");

    private byte[] Payload()
    {
        byte[] server = Server is null ? [] : Encoding.UTF8.GetBytes(Server.AbsoluteUri);
        byte[] fingerprint = Fingerprint is null ? [] : Convert.FromHexString(Fingerprint);
        byte[] payload = new byte[33 + fingerprint.Length + server.Length];
        IdEncoding.Write(KeyId, payload);
        IdEncoding.Write(AccountId, payload.AsSpan(16));
        payload[32] = (byte)fingerprint.Length;
        fingerprint.CopyTo(payload.AsSpan(33));
        server.CopyTo(payload.AsSpan(33 + fingerprint.Length));
        return payload;
    }

    private static AccessKeyToken FromPayload(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> secret)
    {
        Guid keyId = IdEncoding.Read(payload);
        Guid accountId = IdEncoding.Read(payload[16..]);
        int fingerprintLength = payload[32];
        if (fingerprintLength is not 0 and not FingerprintLength || payload.Length < 33 + fingerprintLength)
        {
            throw MSecureErrors.AccessKeyInvalid("its payload is not valid");
        }

        string? fingerprint = fingerprintLength == 0 ? null : Convert.ToHexString(payload.Slice(33, fingerprintLength));
        ReadOnlySpan<byte> serverBytes = payload[(33 + fingerprintLength)..];
        Uri? server = null;
        if (!serverBytes.IsEmpty)
        {
            string address;
            try
            {
                address = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(serverBytes);
            }
            catch (DecoderFallbackException)
            {
                throw MSecureErrors.AccessKeyInvalid("its server address is not valid");
            }

            if (!Uri.TryCreate(address, UriKind.Absolute, out server) || server.Scheme is not ("https" or "http"))
            {
                throw MSecureErrors.AccessKeyInvalid("its server address is not valid");
            }
        }
        else if (fingerprint is not null)
        {
            throw MSecureErrors.AccessKeyInvalid("its payload is not valid");
        }

        return new AccessKeyToken(keyId, accountId, server, fingerprint, secret);
    }
}
