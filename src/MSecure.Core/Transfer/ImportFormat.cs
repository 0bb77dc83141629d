namespace MSecure.Core.Transfer;

/// <summary>The file formats Import-MSecureRecord reads. Names are part of the module's interface: never renamed.</summary>
public enum ImportFormat
{
    /// <summary>Sniffed from the file's content (<see cref="ImportFormatDetector"/>).</summary>
    Auto,

    /// <summary>mSecure 5/6 CSV (no header; <c>Title|id,Template,Tags,Note,Label|type|Value,…</c>) and the older <c>Group,Type,Description,Note,fields…</c> layout.</summary>
    MSecureCsv,

    /// <summary>Bitwarden's unencrypted JSON export.</summary>
    BitwardenJson,

    /// <summary>Bitwarden's CSV export (personal vault).</summary>
    BitwardenCsv,

    /// <summary>1Password's CSV export.</summary>
    OnePasswordCsv,

    /// <summary>1Password's 1PUX export (a zip holding export.data).</summary>
    OnePassword1Pux,

    /// <summary>KeePass 2.x XML export (also what KeePassXC writes).</summary>
    KeePassXml,

    /// <summary>KeePassXC's CSV export.</summary>
    KeePassXcCsv,
}
