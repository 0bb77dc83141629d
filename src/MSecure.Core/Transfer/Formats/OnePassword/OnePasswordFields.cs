using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>
/// Which MSecure template field a 1Password field fills, by the field's id in a 1PUX item
/// ("ccnum") or its title as a 1Password 7 CSV column names it ("card number"), ignoring case.
/// A field not listed becomes a custom field.
/// </summary>
internal static class OnePasswordFields
{
    private static readonly string[] SecretWords = ["PASSWORD", "PASSCODE", "PASSPHRASE", "PIN", "CVV", "CVC", "SECRET", "TOKEN", "CREDENTIAL"];
    private static readonly string[] UrlWords = ["URL", "WEBSITE", "LINK"];

    private static readonly Dictionary<RecordTemplate, Dictionary<string, string>> Maps = new()
    {
        [RecordTemplate.Login] = Map(
            ("username", "Username"), ("password", "Password"), ("url", "Website"), ("website", "Website"),
            ("credential", "Password"), ("hostname", "Website"), ("login url", "Website")),
        [RecordTemplate.CreditCard] = Map(
            ("ccnum", "CardNumber"), ("card number", "CardNumber"), ("number", "CardNumber"),
            ("cvv", "SecurityCode"), ("verification number", "SecurityCode"),
            ("expiry", "ExpirationDate"), ("expiry date", "ExpirationDate"), ("expiration date", "ExpirationDate"),
            ("cardholder", "NameOnCard"), ("cardholder name", "NameOnCard"),
            ("type", "CardType"), ("bank", "IssuingBank"), ("issuing bank", "IssuingBank"),
            ("pin", "Pin"), ("phonelocal", "Phone"), ("phone (local)", "Phone"), ("phonetollfree", "Phone"), ("phone (toll free)", "Phone")),
        [RecordTemplate.BankAccount] = Map(
            ("bankname", "BankName"), ("bank name", "BankName"), ("accounttype", "AccountType"), ("type", "AccountType"),
            ("routingno", "RoutingNumber"), ("routing number", "RoutingNumber"),
            ("accountno", "AccountNumber"), ("account number", "AccountNumber"),
            ("swift", "Swift"), ("iban", "Iban"), ("telephonepin", "Pin"), ("pin", "Pin"),
            ("branchphone", "Phone"), ("phone", "Phone")),
        [RecordTemplate.EmailAccount] = Map(
            ("pop_username", "Username"), ("username", "Username"), ("pop_password", "Password"), ("password", "Password"),
            ("pop_server", "IncomingServer"), ("server", "IncomingServer"), ("smtp_server", "OutgoingServer"), ("smtp server", "OutgoingServer"),
            ("provider_website", "Website"), ("email", "Email"), ("email address", "Email")),
        [RecordTemplate.Identity] = Map(
            ("firstname", "FirstName"), ("first name", "FirstName"), ("lastname", "LastName"), ("last name", "LastName"),
            ("email", "Email"), ("defphone", "Phone"), ("phone", "Phone"), ("birthdate", "Birthday"), ("birth date", "Birthday"),
            ("address", "Address"), ("city", "City"), ("state", "State"), ("zip", "PostalCode"), ("country", "Country")),
        [RecordTemplate.SoftwareLicense] = Map(
            ("product_version", "Version"), ("version", "Version"), ("reg_code", "LicenseKey"), ("license key", "LicenseKey"),
            ("reg_name", "LicensedTo"), ("licensed to", "LicensedTo"), ("reg_email", "Email"), ("registered email", "Email"),
            ("order_date", "PurchaseDate"), ("purchase date", "PurchaseDate"), ("download_link", "Website"), ("download page", "Website")),
        [RecordTemplate.WirelessRouter] = Map(
            ("network_name", "NetworkName"), ("network name", "NetworkName"), ("wireless_password", "Password"), ("wireless network password", "Password"),
            ("wireless_security", "Security"), ("wireless security", "Security"), ("server", "RouterAddress"), ("server / ip address", "RouterAddress"),
            ("password", "AdminPassword"), ("base station password", "AdminPassword")),
        [RecordTemplate.Membership] = Map(
            ("org_name", "Organization"), ("group", "Organization"), ("company_name", "Organization"), ("company name", "Organization"),
            ("member_name", "MemberName"), ("member name", "MemberName"), ("membership_no", "MemberId"), ("member id", "MemberId"),
            ("expiry_date", "ExpirationDate"), ("expiry date", "ExpirationDate"), ("phone", "Phone"), ("website", "Website")),
        [RecordTemplate.Passport] = Map(
            ("fullname", "FullName"), ("full name", "FullName"), ("number", "Number"), ("nationality", "Nationality"),
            ("issuing_country", "IssuingCountry"), ("issuing country", "IssuingCountry"), ("birthdate", "DateOfBirth"), ("date of birth", "DateOfBirth"),
            ("issue_date", "IssueDate"), ("issued on", "IssueDate"), ("expiry_date", "ExpirationDate"), ("expiry date", "ExpirationDate")),
        [RecordTemplate.DriversLicense] = Map(
            ("fullname", "FullName"), ("full name", "FullName"), ("number", "Number"), ("state", "State"), ("class", "Class"),
            ("birthdate", "DateOfBirth"), ("date of birth", "DateOfBirth"), ("expiry_date", "ExpirationDate"), ("expiry date", "ExpirationDate")),
        [RecordTemplate.SocialSecurity] = Map(("name", "FullName"), ("number", "Number")),
        [RecordTemplate.ServerDatabase] = Map(
            ("database_type", "Type"), ("type", "Type"), ("hostname", "Host"), ("server", "Host"), ("url", "Host"),
            ("port", "Port"), ("database", "Database"), ("username", "Username"), ("password", "Password")),
        [RecordTemplate.SecureNote] = Map(),
    };

    /// <summary>The template field that the 1Password field <paramref name="idOrTitle"/> fills, or null.</summary>
    internal static string? LabelFor(RecordTemplate template, string? idOrTitle)
    {
        if (string.IsNullOrWhiteSpace(idOrTitle) || !Maps.TryGetValue(template, out Dictionary<string, string>? map))
        {
            return null;
        }

        return map.TryGetValue(idOrTitle.Trim(), out string? label) ? label : null;
    }

    /// <summary>The kind a custom field gets from its label when the source says nothing about it ("PIN", "secret key" => Secret).</summary>
    internal static FieldKind GuessKind(string label)
    {
        var words = new HashSet<string>(label.ToUpperInvariant().Split([' ', '-', '_', '.', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        return words.Overlaps(SecretWords) || words.IsSupersetOf(["PRIVATE", "KEY"]) || words.IsSupersetOf(["LICENSE", "KEY"]) ? FieldKind.Secret
            : words.Overlaps(UrlWords) ? FieldKind.Url
            : words.Overlaps(["EMAIL", "E-MAIL"]) ? FieldKind.Email
            : words.Overlaps(["PHONE", "TELEPHONE", "MOBILE"]) ? FieldKind.Phone
            : FieldKind.Text;
    }

    private static Dictionary<string, string> Map(params (string Key, string Label)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string label) in pairs)
        {
            map[key] = label;
        }

        return map;
    }
}
