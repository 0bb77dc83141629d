using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>Opening the vault-level envelopes (state, legacy anchor, revision witness) under the record-encryption key.</summary>
internal static class VaultEnvelopes
{
    /// <summary>Opens <paramref name="envelope"/>; VaultTampered naming <paramref name="what"/> when it does not authenticate.</summary>
    internal static byte[] Open(AccountKeys keys, byte[] associatedData, byte[] envelope, string path, string what)
    {
        try
        {
            return Envelope.Open(keys.RecordEncryption, associatedData, envelope);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed
            or MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultTampered(path, what + " does not authenticate");
        }
    }
}
