using System;
using System.Collections;
using MSecure.Core.Masking;
using MSecure.PowerShell.Errors;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// The AdditionalParameters SecretManagement passes to every extension command: the
/// VaultParameters of Register-SecretVault (stored in PLAIN TEXT in SecretManagement's registry)
/// plus Verbose. MSecure takes Path (a vault file or vault name; none = the default vault) and
/// MaskFor (GitHubActions, AzurePipelines or None). A key that looks like a password is refused
/// with its own error, any other unknown key too.
/// </summary>
/// <param name="Path">The vault file or vault name, or null for the default vault.</param>
/// <param name="MaskFor">The CI system to mask secrets for, or null to detect it.</param>
/// <param name="Verbose">Whether the SecretManagement cmdlet was called with -Verbose.</param>
internal sealed record ExtensionParameters(string? Path, LogMaskTarget? MaskFor, bool Verbose)
{
    /// <summary>The vault file or vault name.</summary>
    internal const string PathKey = "Path";

    /// <summary>The log masking target.</summary>
    internal const string MaskForKey = "MaskFor";

    /// <summary>Added by SecretManagement to every call.</summary>
    internal const string VerboseKey = "Verbose";

    private static readonly string[] SecretLikeWords = ["password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "apikey", "accountkey"];

    /// <summary>Reads and checks <paramref name="parameters"/> (values already unwrapped from PSObject).</summary>
    /// <exception cref="SecretMappingException">SecretVaultParameterSecret, SecretVaultParameterInvalid.</exception>
    internal static ExtensionParameters Parse(IDictionary? parameters)
    {
        string? path = null;
        LogMaskTarget? maskFor = null;
        bool verbose = false;
        foreach (DictionaryEntry entry in parameters ?? new Hashtable())
        {
            string key = entry.Key as string ?? string.Empty;
            if (string.Equals(key, PathKey, StringComparison.OrdinalIgnoreCase))
            {
                path = entry.Value as string is { Length: > 0 } text ? text
                    : throw Invalid($"The vault parameter {PathKey} is a vault file path or a vault name (a non-empty string).");
            }
            else if (string.Equals(key, MaskForKey, StringComparison.OrdinalIgnoreCase))
            {
                maskFor = entry.Value is string name && Enum.TryParse(name, ignoreCase: true, out LogMaskTarget target) && Enum.IsDefined(target) && !int.TryParse(name, out _)
                    ? target
                    : throw Invalid($"The vault parameter {MaskForKey} is GitHubActions, AzurePipelines or None.");
            }
            else if (string.Equals(key, VerboseKey, StringComparison.OrdinalIgnoreCase))
            {
                verbose = entry.Value is true;
            }
            else if (LooksSecret(key))
            {
                throw new SecretMappingException(ModuleErrorIds.SecretVaultParameterSecret,
                    $"The vault parameter '{Formatting.TerminalText.Of(key)}' looks like a password: SecretManagement stores VaultParameters in plain text, so MSecure never takes a secret from them. Unregister the vault, register it again without it, and unlock with Unlock-SecretVault (or Unlock-MSecureVault, or the MSECURE_SESSION hand-off).");
            }
            else
            {
                throw Invalid($"MSecure does not know the vault parameter '{Formatting.TerminalText.Of(key)}': it takes {PathKey} (a vault file or vault name) and {MaskForKey}.");
            }
        }

        return new ExtensionParameters(path, maskFor, verbose);
    }

    /// <summary>Whether a parameter name looks like it holds a secret.</summary>
    internal static bool LooksSecret(string key)
    {
        string compact = key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (string word in SecretLikeWords)
        {
            if (compact.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static SecretMappingException Invalid(string message) => new(ModuleErrorIds.SecretVaultParameterInvalid, message);
}
