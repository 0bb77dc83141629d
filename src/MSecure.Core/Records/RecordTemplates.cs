using System;
using System.Collections.Generic;

namespace MSecure.Core.Records;

/// <summary>
/// The default fields of each <see cref="RecordTemplate"/>, in the spirit of mSecure's
/// templates, and which fields make up a credential (user name and password).
/// </summary>
public static class RecordTemplates
{
    private static readonly FieldDefinition[] Login =
    [
        new("Username", FieldKind.Text),
        new("Password", FieldKind.Secret),
        new("Website", FieldKind.Url),
        new("OneTimePassword", FieldKind.OneTimePasswordSeed),
    ];

    private static readonly FieldDefinition[] CreditCard =
    [
        new("CardNumber", FieldKind.Secret),
        new("ExpirationDate", FieldKind.Date),
        new("SecurityCode", FieldKind.Pin),
        new("NameOnCard", FieldKind.Text),
        new("Pin", FieldKind.Pin),
        new("CardType", FieldKind.Text),
        new("IssuingBank", FieldKind.Text),
        new("Phone", FieldKind.Phone),
    ];

    private static readonly FieldDefinition[] BankAccount =
    [
        new("BankName", FieldKind.Text),
        new("AccountNumber", FieldKind.Secret),
        new("RoutingNumber", FieldKind.Text),
        new("AccountType", FieldKind.Text),
        new("Iban", FieldKind.Secret),
        new("Swift", FieldKind.Text),
        new("Pin", FieldKind.Pin),
        new("Phone", FieldKind.Phone),
    ];

    private static readonly FieldDefinition[] EmailAccount =
    [
        new("Email", FieldKind.Email),
        new("Password", FieldKind.Secret),
        new("Username", FieldKind.Text),
        new("IncomingServer", FieldKind.Text),
        new("OutgoingServer", FieldKind.Text),
        new("Website", FieldKind.Url),
    ];

    private static readonly FieldDefinition[] Identity =
    [
        new("FirstName", FieldKind.Text),
        new("LastName", FieldKind.Text),
        new("Email", FieldKind.Email),
        new("Phone", FieldKind.Phone),
        new("Address", FieldKind.Text),
        new("City", FieldKind.Text),
        new("State", FieldKind.Text),
        new("PostalCode", FieldKind.Text),
        new("Country", FieldKind.Text),
        new("Birthday", FieldKind.Date),
    ];

    private static readonly FieldDefinition[] SoftwareLicense =
    [
        new("Product", FieldKind.Text),
        new("Version", FieldKind.Text),
        new("LicenseKey", FieldKind.Secret),
        new("LicensedTo", FieldKind.Text),
        new("Email", FieldKind.Email),
        new("PurchaseDate", FieldKind.Date),
        new("Website", FieldKind.Url),
    ];

    private static readonly FieldDefinition[] WirelessRouter =
    [
        new("NetworkName", FieldKind.Text),
        new("Password", FieldKind.Secret),
        new("Security", FieldKind.Text),
        new("RouterAddress", FieldKind.Url),
        new("AdminUsername", FieldKind.Text),
        new("AdminPassword", FieldKind.Secret),
    ];

    private static readonly FieldDefinition[] Membership =
    [
        new("Organization", FieldKind.Text),
        new("MemberName", FieldKind.Text),
        new("MemberId", FieldKind.Text),
        new("ExpirationDate", FieldKind.Date),
        new("Phone", FieldKind.Phone),
        new("Website", FieldKind.Url),
    ];

    private static readonly FieldDefinition[] Passport =
    [
        new("FullName", FieldKind.Text),
        new("Number", FieldKind.Secret),
        new("Nationality", FieldKind.Text),
        new("IssuingCountry", FieldKind.Text),
        new("DateOfBirth", FieldKind.Date),
        new("IssueDate", FieldKind.Date),
        new("ExpirationDate", FieldKind.Date),
    ];

    private static readonly FieldDefinition[] DriversLicense =
    [
        new("FullName", FieldKind.Text),
        new("Number", FieldKind.Secret),
        new("State", FieldKind.Text),
        new("Class", FieldKind.Text),
        new("DateOfBirth", FieldKind.Date),
        new("IssueDate", FieldKind.Date),
        new("ExpirationDate", FieldKind.Date),
    ];

    private static readonly FieldDefinition[] Insurance =
    [
        new("Company", FieldKind.Text),
        new("PolicyNumber", FieldKind.Secret),
        new("GroupNumber", FieldKind.Text),
        new("Insured", FieldKind.Text),
        new("ExpirationDate", FieldKind.Date),
        new("Phone", FieldKind.Phone),
        new("Website", FieldKind.Url),
    ];

    private static readonly FieldDefinition[] SocialSecurity =
    [
        new("FullName", FieldKind.Text),
        new("Number", FieldKind.Secret),
    ];

    private static readonly FieldDefinition[] ServerDatabase =
    [
        new("Type", FieldKind.Text),
        new("Host", FieldKind.Text),
        new("Port", FieldKind.Text),
        new("Database", FieldKind.Text),
        new("Username", FieldKind.Text),
        new("Password", FieldKind.Secret),
        new("ConnectionString", FieldKind.Secret),
    ];

    /// <summary>The default fields of <paramref name="template"/>, in display order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined template.</exception>
    public static IReadOnlyList<FieldDefinition> FieldsOf(RecordTemplate template) => template switch
    {
        RecordTemplate.Login => Login,
        RecordTemplate.CreditCard => CreditCard,
        RecordTemplate.BankAccount => BankAccount,
        RecordTemplate.EmailAccount => EmailAccount,
        RecordTemplate.SecureNote => [],
        RecordTemplate.Identity => Identity,
        RecordTemplate.SoftwareLicense => SoftwareLicense,
        RecordTemplate.WirelessRouter => WirelessRouter,
        RecordTemplate.Membership => Membership,
        RecordTemplate.Passport => Passport,
        RecordTemplate.DriversLicense => DriversLicense,
        RecordTemplate.Insurance => Insurance,
        RecordTemplate.SocialSecurity => SocialSecurity,
        RecordTemplate.ServerDatabase => ServerDatabase,
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Not a defined record template."),
    };

    /// <summary>
    /// The field holding the user name of a credential made from <paramref name="template"/>
    /// (for a PSCredential), or null when the template has none.
    /// </summary>
    public static string? UserNameLabel(RecordTemplate template) => template switch
    {
        RecordTemplate.Login or RecordTemplate.ServerDatabase => "Username",
        RecordTemplate.EmailAccount => "Email",
        RecordTemplate.WirelessRouter => "NetworkName",
        _ => null,
    };

    /// <summary>
    /// The field holding the password (the main secret) of <paramref name="template"/>, or null
    /// when the template has none.
    /// </summary>
    public static string? PasswordLabel(RecordTemplate template) => template switch
    {
        RecordTemplate.Login or RecordTemplate.EmailAccount or RecordTemplate.WirelessRouter or RecordTemplate.ServerDatabase => "Password",
        RecordTemplate.CreditCard => "CardNumber",
        RecordTemplate.BankAccount => "AccountNumber",
        RecordTemplate.SoftwareLicense => "LicenseKey",
        RecordTemplate.Passport or RecordTemplate.DriversLicense or RecordTemplate.SocialSecurity => "Number",
        RecordTemplate.Insurance => "PolicyNumber",
        _ => null,
    };

    /// <summary>The kind of the template field labelled <paramref name="label"/> (ignoring case), if any.</summary>
    internal static FieldKind? KindOf(RecordTemplate template, string label)
    {
        if (!Enum.IsDefined(template))
        {
            return null;
        }

        foreach (FieldDefinition definition in FieldsOf(template))
        {
            if (string.Equals(definition.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return definition.Kind;
            }
        }

        return null;
    }
}
