using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// Compares field labels across managers: "Card Number", "card_number" and "CardNumber" are the
/// same key ("cardnumber"): letters and digits only, lower case.
/// </summary>
internal static class LabelKey
{
    /// <summary>The comparison key of <paramref name="label"/>.</summary>
    internal static string Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Span<char> buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        int length = 0;
        foreach (char c in label)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// The label of <paramref name="template"/>'s field that <paramref name="sourceLabel"/> names
    /// (its own label in any spelling, or a common synonym: "Phone Number" for Phone, "Zip" for
    /// PostalCode), or null when it names none.
    /// </summary>
    internal static string? TemplateLabel(RecordTemplate template, string sourceLabel)
    {
        string key = Of(sourceLabel);
        if (key.Length == 0)
        {
            return null;
        }

        return Labels.TryGetValue((template, key), out string? label) ? label : null;
    }

    /// <summary>Every template's labels by their own key, then the synonyms (a template's own label wins).</summary>
    private static readonly Dictionary<(RecordTemplate, string), string> Labels = BuildLabels();

    private static Dictionary<(RecordTemplate, string), string> BuildLabels()
    {
        var map = new Dictionary<(RecordTemplate, string), string>();
        foreach (RecordTemplate template in Enum.GetValues<RecordTemplate>())
        {
            foreach (FieldDefinition definition in RecordTemplates.FieldsOf(template))
            {
                map[(template, Of(definition.Label))] = definition.Label;
            }
        }

        void Add(RecordTemplate template, string label, params string[] keys)
        {
            foreach (string key in keys)
            {
                map.TryAdd((template, key), label);
            }
        }

        Add(RecordTemplate.Login, "Website", "url", "uri", "loginuri", "address", "webaddress", "site");
        Add(RecordTemplate.Login, "Username", "user", "login", "loginname", "userid", "loginusername");
        Add(RecordTemplate.Login, "OneTimePassword", "totp", "otp", "2fa", "onetimecode", "authenticator", "logintotp");
        Add(RecordTemplate.CreditCard, "CardNumber", "number", "cardno", "ccnumber", "creditcardnumber");
        Add(RecordTemplate.CreditCard, "ExpirationDate", "expiry", "expires", "expirydate", "expiration", "validthrough");
        Add(RecordTemplate.CreditCard, "SecurityCode", "cvv", "cvc", "cvv2", "verificationnumber", "code");
        Add(RecordTemplate.CreditCard, "NameOnCard", "cardholder", "cardholdername", "name");
        Add(RecordTemplate.CreditCard, "CardType", "type", "brand");
        Add(RecordTemplate.CreditCard, "IssuingBank", "bank", "issuer");
        Add(RecordTemplate.CreditCard, "Phone", "phonenumber", "phoneno", "phonetollfree");
        Add(RecordTemplate.BankAccount, "BankName", "bank");
        Add(RecordTemplate.BankAccount, "AccountNumber", "accountno", "number");
        Add(RecordTemplate.BankAccount, "RoutingNumber", "routingno", "sortcode", "routing");
        Add(RecordTemplate.BankAccount, "Swift", "swiftcode", "bic", "swiftbic");
        Add(RecordTemplate.BankAccount, "Phone", "phonenumber", "phoneno");
        Add(RecordTemplate.EmailAccount, "Email", "emailaddress", "address");
        Add(RecordTemplate.EmailAccount, "IncomingServer", "incomingmailserver", "pop3host", "imapserver", "incoming", "pophost");
        Add(RecordTemplate.EmailAccount, "OutgoingServer", "outgoingmailserver", "smtphost", "smtpserver", "outgoing");
        Add(RecordTemplate.EmailAccount, "Website", "url", "webmail");
        Add(RecordTemplate.Identity, "PostalCode", "zip", "zipcode", "postcode");
        Add(RecordTemplate.Identity, "Birthday", "dateofbirth", "birthdate", "dob");
        Add(RecordTemplate.Identity, "Phone", "phonenumber", "homephone", "phoneno");
        Add(RecordTemplate.Identity, "Address", "address1", "street", "streetaddress");
        Add(RecordTemplate.Identity, "State", "province", "region");
        Add(RecordTemplate.SoftwareLicense, "LicenseKey", "key", "licencekey", "registrationcode", "serialnumber", "serial", "number", "productkey");
        Add(RecordTemplate.SoftwareLicense, "LicensedTo", "licencedto", "name", "registeredto");
        Add(RecordTemplate.SoftwareLicense, "PurchaseDate", "date", "datepurchased");
        Add(RecordTemplate.SoftwareLicense, "Website", "url", "downloadpage");
        Add(RecordTemplate.WirelessRouter, "NetworkName", "ssid", "wirelessnetworkname", "network");
        Add(RecordTemplate.WirelessRouter, "Password", "wirelesspassword", "networkpassword", "wifipassword");
        Add(RecordTemplate.WirelessRouter, "Security", "securitytype", "wirelesssecurity", "encryption");
        Add(RecordTemplate.WirelessRouter, "RouterAddress", "serveripaddress", "baseaddress", "ipaddress", "routerip", "url");
        Add(RecordTemplate.WirelessRouter, "AdminUsername", "adminuser", "routerusername");
        Add(RecordTemplate.WirelessRouter, "AdminPassword", "routerpassword", "basestationpassword");
        Add(RecordTemplate.Membership, "MemberId", "accountnumber", "membershipnumber", "membershipno", "number", "memberno");
        Add(RecordTemplate.Membership, "MemberName", "name");
        Add(RecordTemplate.Membership, "Organization", "group", "company");
        Add(RecordTemplate.Membership, "ExpirationDate", "expiry", "expirydate", "expires");
        Add(RecordTemplate.Membership, "Phone", "phonenumber", "phoneno");
        Add(RecordTemplate.Membership, "Website", "url");
        Add(RecordTemplate.Passport, "FullName", "name");
        Add(RecordTemplate.Passport, "Number", "passportnumber", "passportno");
        Add(RecordTemplate.Passport, "DateOfBirth", "birthdate", "birthday", "dob");
        Add(RecordTemplate.Passport, "IssueDate", "issued", "dateofissue", "issuedon");
        Add(RecordTemplate.Passport, "ExpirationDate", "expiry", "expires", "expirydate", "expiration");
        Add(RecordTemplate.DriversLicense, "FullName", "name");
        Add(RecordTemplate.DriversLicense, "Number", "licensenumber", "licenseno", "licencenumber");
        Add(RecordTemplate.DriversLicense, "DateOfBirth", "birthdate", "birthday", "dob");
        Add(RecordTemplate.DriversLicense, "IssueDate", "issued", "dateofissue");
        Add(RecordTemplate.DriversLicense, "ExpirationDate", "expiry", "expires", "expirydate", "expiration");
        Add(RecordTemplate.DriversLicense, "State", "province", "region", "country");
        Add(RecordTemplate.Insurance, "Company", "insurer", "insurancecompany");
        Add(RecordTemplate.Insurance, "PolicyNumber", "policyno", "policy", "policyid");
        Add(RecordTemplate.Insurance, "GroupNumber", "groupno", "groupid");
        Add(RecordTemplate.Insurance, "Insured", "name", "insuredname");
        Add(RecordTemplate.Insurance, "ExpirationDate", "expiry", "renewaldate", "date", "expires");
        Add(RecordTemplate.Insurance, "Phone", "phonenumber", "phoneno");
        Add(RecordTemplate.Insurance, "Website", "url");
        Add(RecordTemplate.SocialSecurity, "FullName", "name");
        Add(RecordTemplate.SocialSecurity, "Number", "ssn", "socialsecuritynumber", "accountnumber");
        Add(RecordTemplate.ServerDatabase, "Host", "hostname", "server", "address", "url", "ipaddress");
        Add(RecordTemplate.ServerDatabase, "Username", "user", "login");
        Add(RecordTemplate.ServerDatabase, "Database", "databasename", "db", "sid");
        Add(RecordTemplate.ServerDatabase, "Type", "databasetype", "servertype");
        return map;
    }
}
