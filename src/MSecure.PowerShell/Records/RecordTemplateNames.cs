using System;
using MSecure.Core.Records;

namespace MSecure.PowerShell.Records;

/// <summary>
/// Turns the -Template names into <see cref="RecordTemplate"/>. The parameters are strings with a
/// ValidateSet of <see cref="RecordTemplate"/>'s names (a cmdlet class must not hold a field of a
/// MSecure.Core type: PowerShell loads cmdlet classes before the module initializer routes
/// MSecure.Core to its load context). A test checks every ValidateSet against the enum.
/// </summary>
internal static class RecordTemplateNames
{
    /// <summary>The template named <paramref name="name"/> (validated by the parameter's ValidateSet), ignoring case.</summary>
    internal static RecordTemplate Parse(string name) => Enum.Parse<RecordTemplate>(name, ignoreCase: true);

    /// <summary>The template named <paramref name="name"/>, or null for null.</summary>
    internal static RecordTemplate? ParseOptional(string? name) => name is null ? null : Parse(name);
}
