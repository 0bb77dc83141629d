using System;
using System.IO;
using System.Management.Automation;
using MSecure.Core.Errors;
using MSecure.PowerShell.Errors;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>
/// The base of the module's cmdlets. Like every public type of the module, it and its subclasses
/// declare no member of a MSecure.Core type: PowerShell loads cmdlet classes while importing,
/// before the module initializer routes MSecure.Core to its private load context.
/// </summary>
public abstract class MSecureCommand : PSCmdlet
{
    /// <summary>
    /// Runs <paramref name="body"/>; an expected failure (an engine <see cref="MSecureException"/> or a
    /// <see cref="ModuleException"/>) becomes one non-terminating error on the object
    /// <paramref name="target"/> returns when it fails. As a safety net, an I/O or access failure
    /// becomes FileAccessFailed and an <see cref="ArgumentException"/> InvalidArgument (whatever
    /// the engine did not map itself). Anything else, and terminating errors, pass.
    /// </summary>
    protected void Run(Func<object?> target, Action body)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            body();
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, target()));
        }
        catch (ModuleException exception)
        {
            WriteError(ErrorRecords.From(exception, target()));
        }
        catch (UnauthorizedAccessException exception)
        {
            WriteError(ErrorRecords.Module(ModuleErrorIds.FileAccessFailed, ErrorCategory.PermissionDenied, exception.Message, target(), exception));
        }
        catch (IOException exception)
        {
            WriteError(ErrorRecords.Module(ModuleErrorIds.FileAccessFailed, ErrorCategory.ResourceUnavailable, exception.Message, target(), exception));
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.Module(ModuleErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, exception.Message, target(), exception));
        }
    }
}
