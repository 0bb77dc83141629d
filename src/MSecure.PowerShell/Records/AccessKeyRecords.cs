using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Access;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Records;

/// <summary>
/// Reading records with a read-only access key (Get-MSecureRecord -AccessKey, or MSECURE_ACCESS_KEY
/// when the vault is not unlocked in this process), and the clear refusal of writes in that situation.
/// </summary>
internal static class AccessKeyRecords
{
    /// <summary>Whether MSECURE_ACCESS_KEY holds a token.</summary>
    internal static bool InEnvironment => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(AccessKeyReader.EnvironmentVariable));

    /// <summary>
    /// Opens the key's records: <paramref name="accessKey"/>, else the environment's token. A key of a
    /// vault without a server reads the vault file <paramref name="vaultPath"/>.
    /// </summary>
    /// <exception cref="MSecureException">AccessKeyInvalid, AccessKeyExpired, AccessKeyRevoked, ServerUnreachable, ...</exception>
    internal static AccessKeyReader Open(SecureString? accessKey, string? vaultPath)
    {
        if (accessKey is not null)
        {
            return SecureStrings.Use(accessKey, token => AccessKeyReader.Open(token, vaultPath));
        }

        string token = Environment.GetEnvironmentVariable(AccessKeyReader.EnvironmentVariable)
            ?? throw MSecureErrors.AccessKeyInvalid(AccessKeyReader.EnvironmentVariable + " is not set");
        return AccessKeyReader.Open(token, vaultPath);
    }

    /// <summary>The records Get-MSecureRecord writes for one input, like <see cref="RecordLookup.Select"/> but from the key's records.</summary>
    internal static IEnumerable<(object Target, Func<Record> Read)> Select(
        AccessKeyReader reader, Guid[]? ids, string[]? names, string? template, string? tag, string? text)
    {
        if (ids is not null)
        {
            foreach (Guid id in ids)
            {
                yield return (id, () => reader.Find(id) ?? throw MSecureErrors.RecordNotFound(id));
            }

            yield break;
        }

        RecordTemplate? templateValue = RecordTemplateNames.ParseOptional(template);
        foreach (string name in names ?? ["*"])
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                foreach (RecordSummary summary in reader.List(name))
                {
                    if (reader.Find(summary.Id) is { } record && RecordOutput.Matches(record, templateValue, tag, text))
                    {
                        yield return (summary.Name, () => record);
                    }
                }
            }
            else
            {
                string exact = WildcardPattern.Unescape(name);
                yield return (exact, () => reader.FindByName(exact) is { } found && RecordOutput.Matches(found, templateValue, tag, text)
                    ? found : throw RecordLookup.NotFound(exact, reader.Source));
            }
        }
    }

    /// <summary>
    /// The unlocked session a record write needs; when the vault is locked and MSECURE_ACCESS_KEY is
    /// set, AccessKeyReadOnly instead of VaultLocked: an access key never writes.
    /// </summary>
    internal static SessionLease<VaultSession> Writable(VaultReference vault)
    {
        try
        {
            return VaultAccess.Unlocked(vault);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VaultLocked && InEnvironment)
        {
            throw new ModuleException(ModuleErrorIds.AccessKeyReadOnly, ErrorCategory.PermissionDenied,
                "The vault is locked, and the access key in " + AccessKeyReader.EnvironmentVariable
                + " only reads: records can be added, changed or removed only in a vault unlocked with its password (Unlock-MSecureVault).", exception);
        }
    }
}
