using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>mSecure's template names (mSecure 6, 5 and the older type names) and MSecure's templates.</summary>
internal static class MSecureTemplates
{
    private static readonly Dictionary<string, RecordTemplate> ByKey = new(StringComparer.Ordinal)
    {
        ["login"] = RecordTemplate.Login,
        ["logins"] = RecordTemplate.Login,
        ["weblogin"] = RecordTemplate.Login,
        ["weblogins"] = RecordTemplate.Login,
        ["creditcard"] = RecordTemplate.CreditCard,
        ["creditcards"] = RecordTemplate.CreditCard,
        ["bankaccount"] = RecordTemplate.BankAccount,
        ["bankaccounts"] = RecordTemplate.BankAccount,
        ["emailaccount"] = RecordTemplate.EmailAccount,
        ["emailaccounts"] = RecordTemplate.EmailAccount,
        ["securenote"] = RecordTemplate.SecureNote,
        ["note"] = RecordTemplate.SecureNote,
        ["notes"] = RecordTemplate.SecureNote,
        ["identity"] = RecordTemplate.Identity,
        ["contact"] = RecordTemplate.Identity,
        ["softwarelicense"] = RecordTemplate.SoftwareLicense,
        ["softwarelicence"] = RecordTemplate.SoftwareLicense,
        ["registrationcode"] = RecordTemplate.SoftwareLicense,
        ["registrationcodes"] = RecordTemplate.SoftwareLicense,
        ["wirelessrouter"] = RecordTemplate.WirelessRouter,
        ["wifi"] = RecordTemplate.WirelessRouter,
        ["membership"] = RecordTemplate.Membership,
        ["memberships"] = RecordTemplate.Membership,
        ["frequentflyer"] = RecordTemplate.Membership,
        ["passport"] = RecordTemplate.Passport,
        ["driverslicense"] = RecordTemplate.DriversLicense,
        ["driverslicence"] = RecordTemplate.DriversLicense,
        ["driverlicense"] = RecordTemplate.DriversLicense,
        ["insurance"] = RecordTemplate.Insurance,
        ["insuranceinfo"] = RecordTemplate.Insurance,
        ["socialsecurity"] = RecordTemplate.SocialSecurity,
        ["socialsecuritynumber"] = RecordTemplate.SocialSecurity,
        ["server"] = RecordTemplate.ServerDatabase,
        ["database"] = RecordTemplate.ServerDatabase,
        ["serverdatabase"] = RecordTemplate.ServerDatabase,
    };

    /// <summary>The template mSecure's <paramref name="name"/> maps onto, or null for a template of the user's own.</summary>
    internal static RecordTemplate? Find(string name) =>
        ByKey.TryGetValue(LabelKey.Of(name), out RecordTemplate template) ? template : null;

    /// <summary>The name mSecure 6 shows <paramref name="template"/> by (what the CSV writer writes).</summary>
    internal static string NameOf(RecordTemplate template) => template switch
    {
        RecordTemplate.Login => "Login",
        RecordTemplate.CreditCard => "Credit Card",
        RecordTemplate.BankAccount => "Bank Account",
        RecordTemplate.EmailAccount => "Email Account",
        RecordTemplate.SecureNote => "Secure Note",
        RecordTemplate.Identity => "Identity",
        RecordTemplate.SoftwareLicense => "Software License",
        RecordTemplate.WirelessRouter => "Wireless Router",
        RecordTemplate.Membership => "Membership",
        RecordTemplate.Passport => "Passport",
        RecordTemplate.DriversLicense => "Driver's License",
        RecordTemplate.Insurance => "Insurance",
        RecordTemplate.SocialSecurity => "Social Security",
        RecordTemplate.ServerDatabase => "Server",
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Not a defined record template."),
    };
}
