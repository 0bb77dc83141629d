using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Passwords;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// Applies <see cref="VaultPasswordPolicy"/> to a new vault password (New-MSecureVault,
/// Set-MSecurePassword): WeakPassword unless it passes, or the user gave -AllowWeakPassword,
/// which accepts it with a warning. Reads the password only inside <see cref="SecureStrings.Use{TResult}(SecureString, SecureStrings.SecretFunc{TResult})"/>.
/// </summary>
internal static class NewPasswordPolicy
{
    /// <summary>Checks <paramref name="password"/>; warns through <paramref name="cmdlet"/> when a weak one is allowed.</summary>
    /// <exception cref="MSecureException">WeakPassword (without -AllowWeakPassword); InvalidArgument, UnicodeNormalizationUnavailable.</exception>
    internal static void Enforce(Cmdlet cmdlet, SecureString password, bool allowWeak)
    {
        PasswordWeakness weakness = SecureStrings.Use(password, static characters => VaultPasswordPolicy.Check(characters));
        if (weakness == PasswordWeakness.None)
        {
            return;
        }

        string reason = VaultPasswordPolicy.Describe(weakness);
        if (!allowWeak)
        {
            throw MSecureErrors.WeakPassword(reason, VaultPasswordPolicy.Rule);
        }

        cmdlet.WriteWarning($"The new password is weak ({reason}) and -AllowWeakPassword accepts it: whoever gets the vault file or an emergency kit can guess it much sooner. {VaultPasswordPolicy.Rule}");
    }
}
