using System.Collections.Generic;
using System.Management.Automation;

namespace MSecure.PowerShell.Completers;

/// <summary>Prefix matching with wildcards and quoting, shared by the argument completers.</summary>
internal static class CompletionResults
{
    /// <summary>
    /// The candidates that start with <paramref name="wordToComplete"/> (case-insensitive, wildcards
    /// allowed), quoted when needed. A candidate with a control or bidirectional character (a
    /// record name stored before such names were refused) is never offered: it would be written
    /// raw into the command line and the completion list.
    /// </summary>
    internal static IEnumerable<CompletionResult> Match(IEnumerable<string> candidates, string? wordToComplete, string toolTipPrefix)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        foreach (string candidate in candidates)
        {
            if (pattern.IsMatch(candidate) && Core.Records.DisplayText.IndexOfUnsafe(candidate) < 0)
            {
                yield return new CompletionResult(Quote(candidate), candidate, CompletionResultType.ParameterValue, toolTipPrefix + candidate);
            }
        }
    }

    /// <summary>Single-quotes a value that PowerShell would otherwise split or interpret.</summary>
    internal static string Quote(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || "'\"`$&(){}[];,|<>@#".Contains(c, System.StringComparison.Ordinal))
            {
                return "'" + value.Replace("'", "''", System.StringComparison.Ordinal) + "'";
            }
        }

        return value;
    }
}
