using System.Collections;
using System.Globalization;
using System.Linq;
using MSecure.Core.Records;

namespace MSecure.PowerShell.Formatting;

/// <summary>
/// Text as the module shows it: control characters, bidirectional formatting characters and line
/// separators become visible escapes (ESC shows as <c>\x1B</c>, a right-to-left override as
/// <c>\u202E</c>), so a record name, tag, field or vault property can never drive the terminal.
/// The format views call <see cref="Safe"/>; messages call <see cref="Of"/>. Both use the one
/// rule of <see cref="DisplayText"/>.
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// For the format views: a string, or a list of strings joined with ", ", neutralised; any
    /// other value as PowerShell would show it (its string form, neutralised); null for null.
    /// </summary>
    public static string? Safe(object? value) => value switch
    {
        null => null,
        System.Management.Automation.PSObject wrapped => Safe(wrapped.BaseObject),
        string text => DisplayText.Neutralize(text),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Safe)),
        _ => DisplayText.Neutralize(System.Convert.ToString(value, CultureInfo.CurrentCulture)),
    };

    /// <summary>User text for a message (an error, a warning, a -WhatIf line), neutralised.</summary>
    internal static string Of(string? text) => DisplayText.Neutralize(text) ?? string.Empty;

    /// <summary>The name of the vault at <paramref name="path"/> for a message, neutralised (a path's file name is the user's text).</summary>
    internal static string VaultNameOf(string path) => Of(Core.Vault.VaultLocations.NameOf(path));
}
