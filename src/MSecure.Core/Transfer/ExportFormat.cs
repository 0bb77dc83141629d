namespace MSecure.Core.Transfer;

/// <summary>The plaintext formats Export-MSecureRecord writes (for moving out only). Names never change.</summary>
public enum ExportFormat
{
    /// <summary>mSecure 6 CSV (its marker line, then <c>Title|id,Template,Tags,Note,Label|type|Value,…</c>): what mSecure and <see cref="ImportFormat.MSecureCsv"/> read back.</summary>
    Csv,

    /// <summary>Bitwarden's unencrypted JSON: what Bitwarden and <see cref="ImportFormat.BitwardenJson"/> read back.</summary>
    BitwardenJson,
}
