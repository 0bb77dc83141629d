using System;
using MSecure.Core.Masking;
using MSecure.Core.Records;

namespace MSecure.PowerShell.Records;

/// <summary>
/// -MaskFor on the cmdlets that write secrets: registers with the CI system's log masking
/// (<see cref="SecretLogMask"/>) every secret value about to be written, BEFORE it is written, in
/// whatever form it leaves (String, SecureString, PSCredential password, a record's secret fields).
/// </summary>
internal static class RecordMasking
{
    /// <summary>The values -MaskFor takes.</summary>
    internal const string GitHubActions = nameof(LogMaskTarget.GitHubActions), AzurePipelines = nameof(LogMaskTarget.AzurePipelines), None = nameof(LogMaskTarget.None);

    /// <summary>The mask for -MaskFor (<paramref name="maskFor"/>), else the CI system detected from the environment (GITHUB_ACTIONS, TF_BUILD).</summary>
    internal static SecretLogMask For(string? maskFor) =>
        SecretLogMask.ForProcess(maskFor is null ? null : Enum.Parse<LogMaskTarget>(maskFor, ignoreCase: true));

    /// <summary>
    /// Masks what Get-MSecureRecord writes for <paramref name="record"/>: the password of a
    /// credential, the value of <paramref name="field"/> when it is secret (or the notes), or every
    /// secret field and the notes of a whole record.
    /// </summary>
    internal static void MaskOutput(SecretLogMask mask, Record record, string? field, bool asCredential)
    {
        if (!mask.IsActive)
        {
            return;
        }

        if (asCredential)
        {
            if (RecordTemplates.PasswordLabel(record.Template) is { } label && record.GetField(label) is { } password)
            {
                mask.Mask(password.Value);
            }

            return;
        }

        if (field is null)
        {
            MaskRecord(mask, record);
        }
        else if (RecordFieldNames.Find(record, field) is { } found)
        {
            if (found.IsSecret)
            {
                mask.Mask(found.Value);
            }
        }
        else if (string.Equals(field, RecordOutput.NotesName, StringComparison.OrdinalIgnoreCase))
        {
            mask.Mask(record.Notes);
        }
    }

    /// <summary>Masks every secret field and the notes of <paramref name="record"/> (the secrets of a record object).</summary>
    internal static void MaskRecord(SecretLogMask mask, Record record)
    {
        if (!mask.IsActive)
        {
            return;
        }

        foreach (RecordField secret in record.Fields)
        {
            if (secret.IsSecret)
            {
                mask.Mask(secret.Value);
            }
        }

        mask.Mask(record.Notes);
    }
}
