using System;
using System.Collections.Generic;
using System.Management.Automation;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Formatting;

namespace MSecure.PowerShell.Records;

/// <summary>Finds the records a cmdlet acts on: by exact name (the blind index), by id, or by search.</summary>
internal static class RecordLookup
{
    /// <summary>The live record <paramref name="id"/>, or else the one named exactly <paramref name="name"/> (ignoring case).</summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordTampered, VaultLocked.</exception>
    internal static Record Find(VaultSession session, string? name, Guid? id, string vaultPath) =>
        id is { } value && value != Guid.Empty ? session.Get(value)
            : session.FindByName(name ?? string.Empty) ?? throw NotFound(name ?? string.Empty, vaultPath);

    /// <summary>
    /// The records Get-MSecureRecord writes for one input, in order, each as what its error names and
    /// a read that may fail alone: every id of <paramref name="ids"/>; else, for each of
    /// <paramref name="names"/> (default: *), the search results of a wildcard or the record named
    /// exactly, if it meets the criteria. A failed search fails the whole input.
    /// </summary>
    /// <exception cref="MSecureException">From the search, while enumerating.</exception>
    internal static IEnumerable<(object Target, Func<Record> Read)> Select(
        VaultSession session, string vaultPath, Guid[]? ids, string[]? names, string? template, string? tag, string? text)
    {
        if (ids is not null)
        {
            foreach (Guid id in ids)
            {
                yield return (id, () => session.Get(id));
            }

            yield break;
        }

        foreach (string name in names ?? ["*"])
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var query = new RecordQuery { NamePattern = name, Template = RecordTemplateNames.ParseOptional(template), Tag = tag, Text = text };
                foreach (RecordSummary summary in session.Search(query))
                {
                    yield return (summary.Name, () => session.Get(summary.Id));
                }
            }
            else
            {
                string exact = WildcardPattern.Unescape(name);
                yield return (exact, () => session.FindByName(exact) is { } found && RecordOutput.Matches(found, RecordTemplateNames.ParseOptional(template), tag, text)
                    ? found : throw NotFound(exact, vaultPath));
            }
        }
    }

    /// <summary>RecordNotFound for a name (the engine's own RecordNotFound names an id).</summary>
    internal static MSecureException NotFound(string name, string vaultPath) =>
        new(MSecureErrorCode.RecordNotFound, MSecureErrorCategory.ResourceUnavailable,
            $"No record named '{TerminalText.Of(name)}' exists in the vault '{TerminalText.VaultNameOf(vaultPath)}'.");
}
