using System;
using System.Management.Automation;

namespace MSecure.PowerShell.Errors;

/// <summary>
/// The exception inside an ErrorRecord for a failure the module detects itself. Its message holds
/// no secret. Helpers throw it with a <see cref="ModuleErrorIds"/> ErrorId; cmdlets turn it into
/// an ErrorRecord with <see cref="ErrorRecords.From(ModuleException, object?)"/>.
/// </summary>
public sealed class ModuleException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ModuleException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ModuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause whose message holds no secret.</summary>
    public ModuleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with its ErrorId and category.</summary>
    internal ModuleException(string errorId, ErrorCategory category, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>The ErrorId (a <see cref="ModuleErrorIds"/> name); null for an exception made without one.</summary>
    internal string? ErrorId { get; }

    /// <summary>The ErrorRecord's category.</summary>
    internal ErrorCategory Category { get; } = ErrorCategory.NotSpecified;
}
