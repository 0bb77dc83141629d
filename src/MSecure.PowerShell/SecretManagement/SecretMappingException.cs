using System;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// A secret or metadata value the extension cannot map, thrown by the PowerShell-free mapping
/// code; the extension's operations turn it into an ErrorRecord with <see cref="ErrorId"/>.
/// The message names types and keys, never a value.
/// </summary>
internal sealed class SecretMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    internal SecretMappingException(string errorId, string message, Exception? innerException = null)
        : base(message, innerException) => ErrorId = errorId;

    /// <summary>A <see cref="Errors.ModuleErrorIds"/> name.</summary>
    internal string ErrorId { get; }
}
