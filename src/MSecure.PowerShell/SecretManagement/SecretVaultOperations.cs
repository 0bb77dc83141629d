using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Runtime.CompilerServices;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Masking;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// The work behind each MSecure.Extension command (see <see cref="SecretVaultBridge"/>): the vault
/// of the AdditionalParameters, unlocked in this process's session cache (the one
/// Unlock-MSecureVault fills), records found by name through the name index. Every failure
/// leaves as a <see cref="SecretVaultException"/>.
/// </summary>
internal static class SecretVaultOperations
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static object? GetSecret(PSCmdlet cmdlet, string name, string? vaultName, IDictionary? additionalParameters) =>
        Run(name, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            using SessionLease<VaultSession> lease = Open(cmdlet, vaultName, parameters);
            if (lease.Session.FindByName(name) is not { } record)
            {
                return null;
            }

            SecretLogMask mask = SecretLogMask.ForProcess(parameters.MaskFor);
            return SecretObjects.ToPowerShell(RecordSecrets.Read(record, value => mask.Mask(value)));
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static SecretInfoItem[] GetSecretInfo(PSCmdlet cmdlet, string? filter, string? vaultName, IDictionary? additionalParameters) =>
        Run(filter, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            string pattern = string.IsNullOrEmpty(filter) ? "*" : filter;
            using SessionLease<VaultSession> lease = Open(cmdlet, vaultName, parameters);
            VaultSession session = lease.Session;
            IEnumerable<Record> records = WildcardMatcher.ContainsWildcardCharacters(pattern)
                ? session.Search(new RecordQuery { NamePattern = pattern }).Select(summary => session.Get(summary.Id))
                : session.FindByName(pattern) is { } exact ? [exact] : [];
            return records.Select(record => new SecretInfoItem(record.Name, RecordSecrets.ShapeOf(record).ToString(), SecretMetadata.Of(record))).ToArray();
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void SetSecret(PSCmdlet cmdlet, string name, object? secret, string? vaultName, IDictionary? additionalParameters, IDictionary? metadata) =>
        Do(name, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            RecordDraft fresh = SecretObjects.ToDraft(name, secret);
            using SessionLease<VaultSession> lease = Open(cmdlet, vaultName, parameters);
            Record? existing = lease.Session.FindByName(name);
            RecordDraft draft = Merge(fresh, existing);
            SecretMetadata.Apply(draft, SecretObjects.Unwrapped(metadata), replace: false);
            if (existing is null)
            {
                lease.Session.Add(draft);
            }
            else
            {
                lease.Session.Update(existing.Id, draft, existing.Revision);
            }

            return true;
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void RemoveSecret(PSCmdlet cmdlet, string name, string? vaultName, IDictionary? additionalParameters) =>
        Do(name, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            using SessionLease<VaultSession> lease = Open(cmdlet, vaultName, parameters);
            Record record = Existing(lease.Session, name);
            lease.Session.Remove(record.Id, record.Revision);
            return true;
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void SetSecretInfo(PSCmdlet cmdlet, string name, IDictionary? metadata, string? vaultName, IDictionary? additionalParameters) =>
        Do(name, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            using SessionLease<VaultSession> lease = Open(cmdlet, vaultName, parameters);
            Record record = Existing(lease.Session, name);
            RecordDraft draft = RecordDraft.From(record);
            SecretMetadata.Apply(draft, SecretObjects.Unwrapped(metadata), replace: true);
            lease.Session.Update(record.Id, draft, record.Revision);
            return true;
        });

    /// <summary>
    /// True when the vault file exists and opens and, when it is unlocked here, passes the full check
    /// (<see cref="VaultSession.Verify"/>); a locked vault gets the database's own check. Problems are
    /// written as errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TestSecretVault(PSCmdlet cmdlet, string? vaultName, IDictionary? additionalParameters)
    {
        try
        {
            return Run(vaultName, () =>
            {
                ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
                VaultReference vault = Resolve(cmdlet, parameters);
                VaultAccess.EnsureExists(vault);
                IReadOnlyList<string> problems;
                using (SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(vault.Path))
                {
                    if (lease is not null && !lease.Session.IsLocked)
                    {
                        problems = lease.Session.Verify().Problems;
                    }
                    else
                    {
                        using VaultFile file = VaultFile.Open(vault.Path);
                        problems = file.CheckIntegrity();
                        cmdlet.WriteVerbose($"The vault '{TerminalText.Of(vault.Path)}' is locked: only its database was checked. Unlock it (Unlock-SecretVault) for the full check.");
                    }
                }

                foreach (string problem in problems)
                {
                    cmdlet.WriteError(ErrorRecords.Module(ModuleErrorIds.VaultCheckFailed, ErrorCategory.InvalidData,
                        $"The vault '{TerminalText.Of(vault.Path)}' of secret vault '{TerminalText.Of(vaultName)}': {TerminalText.Of(problem)}", vaultName));
                }

                return problems.Count == 0;
            });
        }
        catch (SecretVaultException exception)
        {
            cmdlet.WriteError(exception.ErrorRecord);
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void UnlockSecretVault(PSCmdlet cmdlet, SecureString password, string? vaultName, IDictionary? additionalParameters) =>
        Do(vaultName, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            VaultReference vault = Resolve(cmdlet, parameters);
            VaultAccess.EnsureExists(vault);
            Unlock(vault.Path, password);
            cmdlet.WriteVerbose($"Unlocked '{TerminalText.Of(vault.Path)}' for this process until it is unused for {SessionTimeouts.Default}.");
            return true;
        });

    /// <summary>Nothing to undo: the vault file and its unlocked session stay (Lock-MSecureVault locks it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void UnregisterSecretVault(PSCmdlet cmdlet, string? vaultName, IDictionary? additionalParameters) =>
        Do(vaultName, () =>
        {
            ExtensionParameters parameters = ExtensionParameters.Parse(SecretObjects.Unwrapped(additionalParameters));
            cmdlet.WriteVerbose($"Secret vault '{TerminalText.Of(vaultName)}' unregistered; the MSecure vault '{TerminalText.Of(parameters.Path ?? "(default)")}' and its records are kept.");
            return true;
        });

    /// <summary>
    /// The unlocked session: from the cache (or MSECURE_SESSION, through VaultAccess); when locked, an
    /// interactive host is asked for the password; otherwise the locked error.
    /// </summary>
    private static SessionLease<VaultSession> Open(PSCmdlet cmdlet, string? vaultName, ExtensionParameters parameters)
    {
        VaultReference vault = Resolve(cmdlet, parameters);
        try
        {
            return VaultAccess.Unlocked(vault);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VaultLocked)
        {
            if (Prompt(cmdlet.Host, $"Password for MSecure vault '{TerminalText.VaultNameOf(vault.Path)}' (secret vault '{TerminalText.Of(vaultName)}')") is not { Length: > 0 } password)
            {
                throw Locked(vaultName, vault, exception);
            }

            Unlock(vault.Path, password);
            return VaultAccess.Unlocked(vault);
        }
    }

    private static SecureString? Prompt(PSHost? host, string prompt)
    {
        if (!PasswordSource.CanPrompt(host))
        {
            return null;
        }

        try
        {
            host!.UI.Write(prompt + ": ");
            return host.UI.ReadLineAsSecureString();
        }
        catch (Exception exception) when (exception is PSInvalidOperationException or HostException or NotImplementedException or PSNotImplementedException)
        {
            return null;
        }
    }

    private static void Unlock(string path, SecureString password)
    {
        using VaultFile file = VaultFile.Open(path);
        VaultSession session = SecureStrings.Use(password, characters => file.Unlock(characters));
        VaultSessions.Cache.Add(path, session);
    }

    private static VaultReference Resolve(PSCmdlet cmdlet, ExtensionParameters parameters) =>
        VaultTarget.Resolve(cmdlet.SessionState.Path, parameters.Path);

    private static Record Existing(VaultSession session, string name) =>
        session.FindByName(name) ?? throw new MSecureException(MSecureErrorCode.RecordNotFound, MSecureErrorCategory.ObjectNotFound,
            $"The secret '{TerminalText.Of(name)}' was not found.");

    /// <summary>
    /// Overwriting keeps the record (id, history), its tags, notes and favorite; a credential written
    /// over a Login changes only its user name and password, so its web address and other fields stay.
    /// </summary>
    private static RecordDraft Merge(RecordDraft fresh, Record? existing)
    {
        if (existing is null)
        {
            return fresh;
        }

        if (existing.Template == RecordTemplate.Login && fresh.Template == RecordTemplate.Login)
        {
            RecordDraft draft = RecordDraft.From(existing);
            draft.Name = fresh.Name;
            foreach (string label in new[] { RecordFieldNames.UserNameLabel(RecordTemplate.Login), RecordFieldNames.PasswordLabel(RecordTemplate.Login) })
            {
                draft.SetField(label, fresh.Fields.First(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase)).Value);
            }

            return draft;
        }

        fresh.Tags.AddRange(existing.Tags);
        fresh.Notes = existing.Notes;
        fresh.IsFavorite = existing.IsFavorite;
        return fresh;
    }

    private static SecretVaultException Locked(string? vaultName, VaultReference vault, MSecureException cause)
    {
        string message = $"The MSecure vault '{TerminalText.VaultNameOf(vault.Path)}' of secret vault '{TerminalText.Of(vaultName)}' is locked: unlock it first with Unlock-SecretVault -Name {TerminalText.Of(vaultName)} (or Unlock-MSecureVault -Vault {VaultTarget.ArgumentFor(vault.Path)}, or the MSECURE_SESSION hand-off).";
        var exception = new MSecureException(cause.Code, cause.Category, message, cause);
        return new SecretVaultException(ErrorRecords.From(exception, vaultName), isLocked: true);
    }

    /// <summary>Runs <paramref name="body"/>, turning every expected failure into a <see cref="SecretVaultException"/>.</summary>
    private static T Run<T>(object? target, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (MSecureException exception)
        {
            throw new SecretVaultException(ErrorRecords.From(exception, target), isLocked: false);
        }
        catch (ModuleException exception)
        {
            throw new SecretVaultException(ErrorRecords.From(exception, target), isLocked: false);
        }
        catch (SecretMappingException exception)
        {
            var module = new ModuleException(exception.ErrorId, ErrorCategory.InvalidArgument, exception.Message, exception.InnerException);
            throw new SecretVaultException(ErrorRecords.From(module, target), isLocked: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var module = new ModuleException(ModuleErrorIds.FileAccessFailed, ErrorCategory.ResourceUnavailable, TerminalText.Of(exception.Message), exception);
            throw new SecretVaultException(ErrorRecords.From(module, target), isLocked: false);
        }
    }

    private static void Do(object? target, Func<bool> body) => Run(target, body);
}
