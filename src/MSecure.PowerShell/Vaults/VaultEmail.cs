using System.Globalization;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.PowerShell.Vaults;

/// <summary>
/// The email of a new vault is shown by Get-MSecureVault and printed on the emergency kit. The
/// engine already refuses control characters in it; this also refuses the bidirectional
/// formatting characters and line separators of <see cref="DisplayText"/>, which could make
/// the printed address read as another one.
/// </summary>
internal static class VaultEmail
{
    /// <summary>InvalidArgument when <paramref name="email"/> holds a character unsafe to show.</summary>
    /// <exception cref="MSecureException">InvalidArgument, naming the position, not the address.</exception>
    internal static void EnsureShowable(string email)
    {
        if (DisplayText.DescribeUnsafe(email) is { } reason)
        {
            throw MSecureErrors.InvalidArgument("email", string.Format(CultureInfo.InvariantCulture, "it may not hold control, bidirectional formatting or line separator characters: {0}.", reason));
        }
    }
}
