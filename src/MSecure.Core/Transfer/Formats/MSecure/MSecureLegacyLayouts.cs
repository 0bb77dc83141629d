using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>One column of the older layout: its label and whether it holds a secret.</summary>
internal readonly record struct LegacyColumn(string Label, FieldKind Kind);

/// <summary>
/// The older mSecure CSV layout (mSecure 3.x and 5.x: <c>Group,Type,Description,Note,fields…</c>):
/// no labels in the file, so each type's columns come in a fixed order, listed here per type name
/// (English names, as those versions wrote them; ARCHITECTURE 19.2).
/// </summary>
internal static class MSecureLegacyLayouts
{
    private static readonly Dictionary<string, (RecordTemplate Template, LegacyColumn[] Columns)> Layouts = Build();

    /// <summary>The template and columns of type <paramref name="typeName"/>, when it is one of mSecure's own types.</summary>
    internal static bool TryFind(string typeName, out RecordTemplate template, out IReadOnlyList<LegacyColumn> columns)
    {
        if (Layouts.TryGetValue(typeName.Trim(), out var layout))
        {
            template = layout.Template;
            columns = layout.Columns;
            return true;
        }

        template = RecordTemplate.SecureNote;
        columns = [];
        return false;
    }

    private static Dictionary<string, (RecordTemplate, LegacyColumn[])> Build()
    {
        static LegacyColumn T(string label) => new(label, FieldKind.Text);
        static LegacyColumn S(string label) => new(label, FieldKind.Secret);
        static LegacyColumn P(string label) => new(label, FieldKind.Pin);
        static LegacyColumn U(string label) => new(label, FieldKind.Url);
        static LegacyColumn D(string label) => new(label, FieldKind.Date);
        static LegacyColumn Ph(string label) => new(label, FieldKind.Phone);
        static LegacyColumn E(string label) => new(label, FieldKind.Email);

        return new Dictionary<string, (RecordTemplate, LegacyColumn[])>(StringComparer.OrdinalIgnoreCase)
        {
            // mSecure 3.x type names.
            ["Bank Accounts"] = (RecordTemplate.BankAccount, [S("Account Number"), P("PIN"), T("Name"), T("Branch"), Ph("Phone No.")]),
            ["Birthdays"] = (RecordTemplate.SecureNote, [D("Date")]),
            ["Calling Cards"] = (RecordTemplate.SecureNote, [T("Access No."), P("PIN")]),
            ["Clothes Size"] = (RecordTemplate.SecureNote, [T("Shirt Size"), T("Pant Size"), T("Shoe Size"), T("Dress Size")]),
            ["Combinations"] = (RecordTemplate.SecureNote, [S("Code")]),
            ["Credit Cards"] = (RecordTemplate.CreditCard, [S("Card No."), D("Expiration Date"), T("Name"), P("PIN"), T("Bank"), P("Security Code")]),
            ["Email Accounts"] = (RecordTemplate.EmailAccount, [T("Username"), S("Password"), T("POP3 Host"), T("SMTP Host")]),
            ["Frequent Flyer"] = (RecordTemplate.Membership, [T("Number"), U("URL"), T("Username"), S("Password"), T("Mileage")]),
            ["Identity"] = (RecordTemplate.Identity, [T("First Name"), T("Last Name"), T("Nick Name"), T("Company"), T("Title"), T("Address"), T("Address2"), T("City"), T("State"), T("Country"), T("Zip"), Ph("Home Phone"), Ph("Office Phone"), Ph("Mobile Phone"), E("Email"), E("Email2"), T("Skype"), U("Website")]),
            ["Insurance"] = (RecordTemplate.Insurance, [S("Policy No."), T("Group No."), T("Name"), D("Date"), Ph("Phone No.")]),
            ["Web Logins"] = (RecordTemplate.Login, [U("URL"), T("Username"), S("Password")]),
            ["Memberships"] = (RecordTemplate.Membership, [T("Account Number"), T("Name"), D("Date")]),
            ["Note"] = (RecordTemplate.SecureNote, []),
            ["Passport"] = (RecordTemplate.Passport, [T("Name"), S("Number"), T("Type"), T("Issuing Country"), T("Issuing Authority"), T("Nationality"), D("Expiration"), T("Place of Birth")]),
            ["Prescriptions"] = (RecordTemplate.SecureNote, [T("RX Number"), T("Name"), T("Doctor"), T("Pharmacy"), Ph("Phone No.")]),
            ["Registration Codes"] = (RecordTemplate.SoftwareLicense, [S("Number"), D("Date")]),
            ["Social Security"] = (RecordTemplate.SocialSecurity, [T("Name"), S("Number")]),
            ["Unassigned"] = (RecordTemplate.SecureNote, [T("Field1"), T("Field2"), T("Field3"), T("Field4"), T("Field5"), T("Field6")]),
            ["Vehicle Info"] = (RecordTemplate.SecureNote, [T("License No."), T("VIN"), D("Date Purchased"), T("Tire Size")]),
            ["Voice Mail"] = (RecordTemplate.SecureNote, [T("Access No."), P("PIN")]),

            // mSecure 5.x type names.
            ["Bank Account"] = (RecordTemplate.BankAccount, [S("Account Number"), P("PIN"), T("Name"), T("Branch"), T("Routing Number"), T("Account Type"), Ph("Phone No.")]),
            ["Calling Card"] = (RecordTemplate.SecureNote, [T("Access No."), P("PIN")]),
            ["Combination"] = (RecordTemplate.SecureNote, [S("Code")]),
            ["Credit Card"] = (RecordTemplate.CreditCard, [S("Card No."), D("Expiration Date"), P("Security Code"), T("Name"), P("PIN"), T("Bank"), Ph("Phone Number"), T("Billing Address")]),
            ["Email Account"] = (RecordTemplate.EmailAccount, [T("Username"), S("Password"), T("Incoming Mail Server"), T("Incoming Port"), T("Outgoing Mail Server"), T("Outgoing Port"), T("POP3 Host"), T("SMTP Host")]),
            ["Insurance Info"] = (RecordTemplate.Insurance, [S("Policy No."), T("Group No."), T("Name"), D("Date"), Ph("Phone No.")]),
            ["Login"] = (RecordTemplate.Login, [U("URL"), T("Username"), S("Password"), T("empty1"), T("empty2")]),
            ["Membership"] = (RecordTemplate.Membership, [T("Account Number"), T("Name"), D("Start Date"), D("Expiration Date")]),
            ["Secure Note"] = (RecordTemplate.SecureNote, []),
        };
    }
}
