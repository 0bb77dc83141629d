using System.Management.Automation;
using System.Security;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that needs a vault's password: -Password, -Credential, -PasswordFile (- for standard input) or -PasswordVariable, else MSECURE_PASSWORD or a prompt.</summary>
public abstract class PasswordCommand : MSecureCommand
{
    /// <summary>The vault's password (virtual: Unlock-MSecureVault also takes it from the pipeline).</summary>
    [Parameter]
    [ValidateNotNull]
    public virtual SecureString? Password { get; set; }

    /// <summary>A credential whose password is the vault's password.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A file holding the vault's password; "-" reads one line of redirected standard input.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PasswordFile { get; set; }

    /// <summary>The name of an environment variable holding the vault's password.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PasswordVariable { get; set; }

    /// <summary>The password (see <see cref="PasswordSource"/>); stops the cmdlet with an error on <paramref name="target"/> when there is none.</summary>
    protected SecureString ReadPassword(string prompt, object? target) =>
        PasswordSource.Get(this, Password, Credential, PasswordFile, PasswordVariable, prompt, target);
}
