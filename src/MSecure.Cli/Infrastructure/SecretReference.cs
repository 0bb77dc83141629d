using System;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// A secret reference, <c>msecure://&lt;vault&gt;/&lt;record&gt;/&lt;field&gt;</c>: the vault by its name in
/// the per-user vault folder (or the name of the --vault file), the record by name, the field by
/// label; each part percent-encoded where it holds '/', '%' or spaces (Uri.EscapeDataString).
/// </summary>
internal sealed record SecretReference(string Vault, string Record, string Field)
{
    /// <summary>The scheme every reference starts with.</summary>
    internal const string Prefix = "msecure://";

    /// <summary>Whether <paramref name="text"/> is meant as a reference (starts with the scheme).</summary>
    internal static bool LooksLikeOne(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The reference in <paramref name="text"/>; a usage error when it is not exactly three non-empty parts.</summary>
    /// <exception cref="CliException">Usage.</exception>
    internal static SecretReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!LooksLikeOne(text))
        {
            throw CliException.Usage($"A secret reference starts with {Prefix}: {Prefix}<vault>/<record>/<field>.");
        }

        string[] parts = text[Prefix.Length..].Split('/');
        if (parts.Length != 3 || Array.Exists(parts, part => part.Length == 0))
        {
            throw CliException.Usage($"A secret reference has three parts: {Prefix}<vault>/<record>/<field> (escape '/' in a name as %2F).");
        }

        try
        {
            return new SecretReference(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2]));
        }
        catch (UriFormatException exception)
        {
            throw new CliException("Usage", ExitCodes.Usage, "A secret reference is not validly percent-encoded.", exception);
        }
    }

    /// <summary>
    /// The vault file this reference names: the --vault file when its name is the reference's vault,
    /// else that name in the per-user vault folder.
    /// </summary>
    internal string VaultPath(string? chosenVaultPath) =>
        chosenVaultPath is not null && string.Equals(VaultPaths.NameOf(chosenVaultPath), Vault, StringComparison.OrdinalIgnoreCase)
            ? chosenVaultPath
            : MSecure.Core.Vault.VaultLocations.PathOfName(Vault);
}
