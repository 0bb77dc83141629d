namespace MSecure.Core.Transfer.Formats.Bitwarden;

/// <summary>
/// Bitwarden has four item types and one folder per item; MSecure's Bitwarden export keeps what
/// does not fit in two custom fields that the reader turns back into a template and tags (ARCHITECTURE 19.2).
/// </summary>
internal static class BitwardenMarkers
{
    /// <summary>A text field naming the MSecure template of a secure note that stands for a template Bitwarden lacks (BankAccount, Passport, …).</summary>
    internal const string TemplateField = "MSecure template";

    /// <summary>A text field listing every tag of a record with more than one, one a line (the folder holds the first).</summary>
    internal const string TagsField = "MSecure tags";

    /// <summary>Bitwarden's item types.</summary>
    internal const int Login = 1;

    /// <summary>Secure note.</summary>
    internal const int SecureNote = 2;

    /// <summary>Card.</summary>
    internal const int Card = 3;

    /// <summary>Identity.</summary>
    internal const int Identity = 4;

    /// <summary>SSH key.</summary>
    internal const int SshKey = 5;

    /// <summary>Custom field types: text.</summary>
    internal const int TextField = 0;

    /// <summary>Hidden (concealed).</summary>
    internal const int HiddenField = 1;

    /// <summary>Boolean (a checkbox: "true" or "false").</summary>
    internal const int BooleanField = 2;

    /// <summary>Linked (no value: it points at a built-in field).</summary>
    internal const int LinkedField = 3;
}
