using System;
using System.Globalization;

namespace MSecure.Benchmarks;

/// <summary>One login of the vault benchmark, the same for the vault and for the plain SQLite baseline.</summary>
internal sealed record LoginRow(string Name, string UserName, string Password, string Website, string Notes, string Tag, bool IsFavorite)
{
    public static LoginRow Of(int index) => new(
        NameOf(index),
        string.Create(CultureInfo.InvariantCulture, $"user{index}@example.com"),
        Convert.ToBase64String(BitConverter.GetBytes(index * 2654435761L)) + "!x9",
        string.Create(CultureInfo.InvariantCulture, $"https://{NameOf(index)}/login"),
        index % 10 == 0 ? "Recovery codes are in the safe." : string.Empty,
        index % 3 == 0 ? "work" : "personal",
        index % 50 == 0);

    public static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"site-{index:D6}.example.com");
}
