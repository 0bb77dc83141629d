namespace MSecure.Core.Records;

/// <summary>
/// The kind of a record, which decides its default fields (see <see cref="RecordTemplates"/>).
/// Stored by name inside the encrypted record, so a name never changes once released.
/// </summary>
public enum RecordTemplate
{
    /// <summary>A website or service login: user name, password, address, one-time password seed.</summary>
    Login,

    /// <summary>A payment card.</summary>
    CreditCard,

    /// <summary>A bank account.</summary>
    BankAccount,

    /// <summary>An email account with its servers.</summary>
    EmailAccount,

    /// <summary>Free text only, in the notes.</summary>
    SecureNote,

    /// <summary>A person's contact and address details.</summary>
    Identity,

    /// <summary>A software product's license key.</summary>
    SoftwareLicense,

    /// <summary>A wireless network and its router.</summary>
    WirelessRouter,

    /// <summary>A club, loyalty or organisation membership.</summary>
    Membership,

    /// <summary>A passport.</summary>
    Passport,

    /// <summary>A driver's license.</summary>
    DriversLicense,

    /// <summary>An insurance policy.</summary>
    Insurance,

    /// <summary>A social security (national insurance) number.</summary>
    SocialSecurity,

    /// <summary>A server or database connection.</summary>
    ServerDatabase,
}
