using System;
using System.IO;
using System.Text.Json;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Files;

namespace MSecure.PowerShell.Vaults;

/// <summary>
/// The default vault the user chose with Set-MSecureDefaultVault, kept in the per-user settings
/// file <c>&lt;vault folder&gt;/settings.json</c> as <c>{"defaultVault": "&lt;name or full path&gt;"}</c>.
/// The file holds no secret; it is written owner-only (0600 on Unix, in the 0700 vault folder)
/// and atomically (a temporary file renamed over it), and other properties in it are kept.
/// </summary>
internal static class DefaultVaultSetting
{
    /// <summary>The JSON property holding the default vault.</summary>
    internal const string PropertyName = "defaultVault";

    /// <summary>A settings file larger than this is not a settings file.</summary>
    private const int MaximumBytes = 64 * 1024;

    /// <summary>The stored default vault (a vault name, or a full path), or null when none is stored.</summary>
    /// <exception cref="MSecureException">SettingsInvalid: not JSON, too large, or a value that is neither a vault name nor a full path.</exception>
    internal static string? Read()
    {
        string path = VaultLocations.SettingsPath;
        byte[]? content = ReadFile(path);
        if (content is null)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw MSecureErrors.SettingsInvalid(path, "it is not a JSON object.");
            }

            if (!document.RootElement.TryGetProperty(PropertyName, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            string? vault = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return vault is not null && IsValidValue(vault)
                ? vault
                : throw MSecureErrors.SettingsInvalid(path, $"its {PropertyName} is neither a vault name nor a full path.");
        }
        catch (JsonException exception)
        {
            throw MSecureErrors.SettingsInvalid(path, "it is not valid JSON.", exception);
        }
    }

    /// <summary>Stores <paramref name="vault"/> (a vault name, or a full path) as the default vault, keeping any other setting in the file.</summary>
    /// <exception cref="MSecureException">SettingsInvalid: the existing file is damaged (it is not replaced then).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The vault folder is not writable.</exception>
    internal static void Write(string vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (!IsValidValue(vault))
        {
            throw new ArgumentException("The default vault is a vault name or a full path.", nameof(vault));
        }

        string path = VaultLocations.SettingsPath;
        byte[]? existing = ReadFile(path);
        VaultLocations.EnsureDefaultDirectory();
        PrivateFile.WriteAtomically(path, Compose(path, existing, vault), overwrite: true);
    }

    /// <summary>Whether <paramref name="vault"/> may be stored: a valid vault name, or a full path.</summary>
    internal static bool IsValidValue(string vault) =>
        VaultLocations.IsValidName(vault) || (Path.IsPathFullyQualified(vault) && DisplayText.IndexOfUnsafe(vault) < 0);

    private static byte[] Compose(string path, byte[]? existing, string vault)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString(PropertyName, vault);
            if (existing is not null)
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(existing);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty property in document.RootElement.EnumerateObject())
                        {
                            if (!property.NameEquals(PropertyName))
                            {
                                property.WriteTo(writer);
                            }
                        }
                    }
                }
                catch (JsonException exception)
                {
                    throw MSecureErrors.SettingsInvalid(path, "it is not valid JSON, so it was not changed.", exception);
                }
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    private static byte[]? ReadFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaximumBytes)
            {
                throw MSecureErrors.SettingsInvalid(path, $"it is larger than {MaximumBytes / 1024} KiB.");
            }

            byte[] content = new byte[stream.Length];
            stream.ReadExactly(content);
            return content;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
