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
        new Formats.MSecure.MSecureCsvFormat(),
        new Formats.Bitwarden.BitwardenJsonFormat(),
        new Formats.Bitwarden.BitwardenCsvFormat(),
        // Each format adds itself here (one line each).
        new Formats.OnePassword.OnePassword1PuxFormat(),
        new Formats.KeePass.KeePassXmlFormat(),
        new Formats.KeePass.KeePassXcCsvFormat(),
        new Formats.OnePassword.OnePasswordCsvFormat(),
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
