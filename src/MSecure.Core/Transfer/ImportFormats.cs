using System;
using System.Collections.Generic;
using MSecure.Core.Errors;

namespace MSecure.Core.Transfer;

/// <summary>Every import format, in the order <see cref="ImportFormatDetector"/> asks them to recognise a file.</summary>
public static class ImportFormats
{
    /// <summary>The formats, most specific first.</summary>
    public static IReadOnlyList<IImportFormat> All { get; } =
    [
        // 1Password and KeePass first: each needs its own header, zip entry or root element, while
        // the headerless mSecure CSV recognises rows (a 1Password 7 row "Title,Login,…" looks like
        // mSecure's older Group,Type,… layout).
        new Formats.OnePassword.OnePassword1PuxFormat(),
        new Formats.KeePass.KeePassXmlFormat(),
        new Formats.KeePass.KeePassXcCsvFormat(),
        new Formats.OnePassword.OnePasswordCsvFormat(),
        new Formats.MSecure.MSecureCsvFormat(),
        new Formats.Bitwarden.BitwardenJsonFormat(),
        new Formats.Bitwarden.BitwardenCsvFormat(),
        // Each format adds itself here (one line each).
    ];

    /// <summary>The reader of <paramref name="format"/> (not Auto).</summary>
    /// <exception cref="MSecureException">ImportFormatUnknown: no reader for it.</exception>
    public static IImportFormat Of(ImportFormat format)
    {
        foreach (IImportFormat reader in All)
        {
            if (reader.Format == format)
            {
                return reader;
            }
        }

        throw MSecureErrors.ImportFormatUnknown(format.ToString());
    }
}
