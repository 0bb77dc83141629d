using System;
using System.Management.Automation;
using MSecure.Core.Errors;

namespace MSecure.PowerShell.Errors;

/// <summary>
/// Turns failures into ErrorRecords: the ErrorId is the stable <see cref="MSecureErrorCode"/>
/// name (or a <see cref="ModuleErrorIds"/> name for failures of the module itself), so scripts
/// can match <c>FullyQualifiedErrorId</c> (for example <c>WrongPassword,MSecure.PowerShell.Commands.UnlockMSecureVaultCommand</c>).
/// </summary>
internal static class ErrorRecords
{
    /// <summary>The ErrorRecord of an expected failure of the engine.</summary>
    internal static ErrorRecord From(MSecureException exception, object? target) =>
        Shown(new(exception, exception.Code.ToString(), exception.Code == MSecureErrorCode.RecordNotFound ? ErrorCategory.ObjectNotFound : CategoryOf(exception.Category), target));

    /// <summary>The ErrorRecord of a failure the module detected itself.</summary>
    internal static ErrorRecord From(ModuleException exception, object? target) =>
        Shown(new(exception, exception.ErrorId ?? nameof(ModuleException), exception.Category, target));

    /// <summary>The PowerShell category of an engine failure kind.</summary>
    internal static ErrorCategory CategoryOf(MSecureErrorCategory category) => category switch
    {
        MSecureErrorCategory.InvalidArgument => ErrorCategory.InvalidArgument,
        MSecureErrorCategory.InvalidData => ErrorCategory.InvalidData,
        MSecureErrorCategory.AuthenticationError => ErrorCategory.AuthenticationError,
        MSecureErrorCategory.NotImplemented => ErrorCategory.NotImplemented,
        MSecureErrorCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        MSecureErrorCategory.InvalidOperation => ErrorCategory.InvalidOperation,
        MSecureErrorCategory.ConnectionError => ErrorCategory.ConnectionError,
        MSecureErrorCategory.SecurityError => ErrorCategory.SecurityError,
        MSecureErrorCategory.PermissionDenied => ErrorCategory.PermissionDenied,
        MSecureErrorCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
        MSecureErrorCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
        MSecureErrorCategory.ResourceExists => ErrorCategory.ResourceExists,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>
    /// A safety net under the messages that already neutralise what they quote: a message that
    /// still holds a control or bidirectional character (a path the engine quoted, a runtime
    /// message) is shown through ErrorDetails with those characters escaped (see TerminalText),
    /// and so is the target's name in the category line (the TargetObject itself stays as given).
    /// </summary>
    private static ErrorRecord Shown(ErrorRecord record)
    {
        string message = record.Exception.Message;
        string shown = Formatting.TerminalText.Of(message);
        if (!string.Equals(shown, message, StringComparison.Ordinal))
        {
            record.ErrorDetails = new ErrorDetails(shown);
        }

        string targetName = record.CategoryInfo.TargetName;
        string shownTarget = Formatting.TerminalText.Of(targetName);
        if (!string.Equals(shownTarget, targetName, StringComparison.Ordinal))
        {
            record.CategoryInfo.TargetName = shownTarget;
        }

        return record;
    }

    /// <summary>An ErrorRecord for a failure of the module itself (no engine exception).</summary>
    internal static ErrorRecord Module(string errorId, ErrorCategory category, string message, object? target, Exception? cause = null) =>
        From(new ModuleException(errorId, category, message, cause), target);
}
