using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>
/// 1Password's item categories: the id a 1PUX item names (categoryUuid "001") and the name a CSV
/// Type column holds ("Login"), with the template each maps onto. Categories without a close
/// template (Document, Medical Record, Outdoor License, SSH Key, Crypto Wallet) are secure notes
/// whose fields all become custom fields; a category not listed here is unknown (see
/// <see cref="Unknown"/>).
/// </summary>
internal static class OnePasswordCategories
{
    private static readonly (string Id, string Name, RecordTemplate Template)[] Known =
    [
        ("001", "Login", RecordTemplate.Login),
        ("002", "Credit Card", RecordTemplate.CreditCard),
        ("003", "Secure Note", RecordTemplate.SecureNote),
        ("004", "Identity", RecordTemplate.Identity),
        ("005", "Password", RecordTemplate.Login),
        ("006", "Document", RecordTemplate.SecureNote),
        ("100", "Software License", RecordTemplate.SoftwareLicense),
        ("101", "Bank Account", RecordTemplate.BankAccount),
        ("102", "Database", RecordTemplate.ServerDatabase),
        ("103", "Driver License", RecordTemplate.DriversLicense),
        ("104", "Outdoor License", RecordTemplate.SecureNote),
        ("105", "Membership", RecordTemplate.Membership),
        ("106", "Passport", RecordTemplate.Passport),
        ("107", "Reward Program", RecordTemplate.Membership),
        ("108", "Social Security Number", RecordTemplate.SocialSecurity),
        ("109", "Wireless Router", RecordTemplate.WirelessRouter),
        ("110", "Server", RecordTemplate.ServerDatabase),
        ("111", "Email Account", RecordTemplate.EmailAccount),
        ("112", "API Credential", RecordTemplate.Login),
        ("113", "Medical Record", RecordTemplate.SecureNote),
        ("114", "SSH Key", RecordTemplate.SecureNote),
        ("115", "Crypto Wallet", RecordTemplate.SecureNote),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Driver's License"] = "Driver License",
        ["Drivers License"] = "Driver License",
        ["Rewards Program"] = "Reward Program",
        ["Social Security"] = "Social Security Number",
        ["Secure Notes"] = "Secure Note",
        ["Logins"] = "Login",
        ["Passwords"] = "Password",
        ["Credit Cards"] = "Credit Card",
        ["Identities"] = "Identity",
    };

    /// <summary>The category of 1PUX id <paramref name="id"/> ("001"), or null when unknown.</summary>
    internal static (string Name, RecordTemplate Template)? ById(string? id)
    {
        foreach ((string knownId, string name, RecordTemplate template) in Known)
        {
            if (string.Equals(knownId, id, StringComparison.Ordinal))
            {
                return (name, template);
            }
        }

        return null;
    }

    /// <summary>The category named <paramref name="name"/> ("Credit Card", ignoring case), or null when unknown.</summary>
    internal static (string Name, RecordTemplate Template)? ByName(string? name)
    {
        string? trimmed = name?.Trim();
        if (trimmed is not null && Aliases.TryGetValue(trimmed, out string? canonical))
        {
            trimmed = canonical;
        }

        foreach ((_, string knownName, RecordTemplate template) in Known)
        {
            if (string.Equals(knownName, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return (knownName, template);
            }
        }

        return null;
    }

    /// <summary>The template of an unknown category: a Login when it has a user name or password, else a secure note.</summary>
    internal static RecordTemplate Unknown(bool hasCredential) => hasCredential ? RecordTemplate.Login : RecordTemplate.SecureNote;

    /// <summary>The remark for an unknown category (its name or id is not a value).</summary>
    internal static string UnknownRemark(string category, RecordTemplate template) =>
        $"1Password category '{DisplayText.Neutralize(category)}' is not known: imported as {template} with its fields as custom fields";
}
