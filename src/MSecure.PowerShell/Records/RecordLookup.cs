using System;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Records;

/// <summary>Finds the one record a cmdlet acts on, by exact name (the blind index) or by id.</summary>
internal static class RecordLookup
{
    /// <summary>The live record <paramref name="id"/>, or else the one named exactly <paramref name="name"/> (ignoring case).</summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordTampered, VaultLocked.</exception>
    internal static Record Find(VaultSession session, string? name, Guid? id, string vaultPath) =>
        id is { } value && value != Guid.Empty ? session.Get(value)
            : session.FindByName(name ?? string.Empty) ?? throw NotFound(name ?? string.Empty, vaultPath);

    /// <summary>RecordNotFound for a name (the engine's own RecordNotFound names an id).</summary>
    internal static MSecureException NotFound(string name, string vaultPath) =>
        new(MSecureErrorCode.RecordNotFound, MSecureErrorCategory.ResourceUnavailable,
            $"No record named '{name}' exists in the vault '{VaultLocations.NameOf(vaultPath)}'.");
}
