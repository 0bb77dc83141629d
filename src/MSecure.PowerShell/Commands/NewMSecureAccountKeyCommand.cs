using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Cryptography;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Generates a new 46-character Account Key.
/// Returns a SecureString unless -AsPlainText is given. The key is drawn uniformly from 89
/// shell-safe characters (about 298 bits) by the operating system's CSPRNG.
/// </summary>
[Cmdlet(VerbsCommon.New, "MSecureAccountKey")]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class NewMSecureAccountKeyCommand : PSCmdlet
{
    /// <summary>Returns the key as a plain String instead of a SecureString.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Generates and writes one key.</summary>
    protected override void ProcessRecord()
    {
        using AccountKey key = AccountKey.Generate();
        Span<char> characters = stackalloc char[AccountKey.Length];
        try
        {
            key.CopyTo(characters);
            WriteObject(AsPlainText ? new string(characters) : SecureStrings.FromSpan(characters));
        }
        finally
        {
            characters.Clear();
        }
    }
}
