using System;
using System.Globalization;
using System.Text;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// What a printed emergency kit shows: the kit text (also drawn as a QR code), the email, the
/// account id and when the kit was made. The kit text is checked to be QR-alphanumeric.
/// <see cref="ToString"/> leaves the kit text out, so a sheet can be logged safely.
/// </summary>
public sealed record EmergencyKitSheet
{
    /// <summary>Creates the sheet.</summary>
    /// <param name="kitText">The kit text, as <see cref="EmergencyKit.ToText"/> writes it: QR-alphanumeric characters only.</param>
    /// <param name="email">The account's email address.</param>
    /// <param name="accountId">The account id.</param>
    /// <param name="createdAt">When the kit was written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kitText"/> or <paramref name="email"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="kitText"/> is empty or has a character outside <c>0-9 A-Z</c>, space and
    /// <c>$%*+-./:</c> (the message gives its position, not the text); or
    /// <paramref name="email"/> is empty or white space.
    /// </exception>
    public EmergencyKitSheet(string kitText, string email, Guid accountId, DateTimeOffset createdAt)
    {
        QrAlphanumeric.EnsureValid(kitText, nameof(kitText));
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        KitText = kitText;
        Email = email;
        AccountId = accountId;
        CreatedAt = createdAt;
    }

    /// <summary>The kit text, as printed and as encoded in the QR code.</summary>
    public string KitText { get; }

    /// <summary>The account's email address.</summary>
    public string Email { get; }

    /// <summary>The account id.</summary>
    public Guid AccountId { get; }

    /// <summary>When the kit was written.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The creation time in ISO 8601 with its UTC offset, to the second (<c>2026-01-31T09:30:00+01:00</c>).</summary>
    public string CreatedAtIso8601 => CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Everything but the kit text.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Email = {Email}, AccountId = {AccountId}, CreatedAt = {CreatedAtIso8601}");
        return true;
    }
}
