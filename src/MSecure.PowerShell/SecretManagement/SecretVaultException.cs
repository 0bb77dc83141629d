using System;
using System.Management.Automation;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// A failure of an MSecure.Extension command, carrying the ErrorRecord the command throws (stable
/// ErrorId and category). <see cref="IsLocked"/> marks "unlock the vault first", which the
/// extension turns into SecretManagement's PasswordRequiredException. Its message holds no secret.
/// </summary>
public sealed class SecretVaultException : Exception, IContainsErrorRecord
{
    /// <summary>Creates an exception with no message.</summary>
    public SecretVaultException()
        : this("The MSecure secret vault failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SecretVaultException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause whose message holds no secret.</summary>
    public SecretVaultException(string message, Exception? innerException)
        : base(message, innerException) =>
        ErrorRecord = new ErrorRecord(this, nameof(SecretVaultException), ErrorCategory.NotSpecified, null);

    /// <summary>Creates the exception of <paramref name="errorRecord"/>.</summary>
    internal SecretVaultException(ErrorRecord errorRecord, bool isLocked)
        : base(errorRecord.Exception.Message, errorRecord.Exception)
    {
        ErrorRecord = errorRecord;
        IsLocked = isLocked;
    }

    /// <summary>The ErrorRecord the extension command throws.</summary>
    public ErrorRecord ErrorRecord { get; }

    /// <summary>Whether the vault is locked and cannot prompt: SecretManagement's PasswordRequiredException.</summary>
    public bool IsLocked { get; }
}
