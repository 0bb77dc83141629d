using System.Management.Automation;
using System.Security;
using MSecure.Core.Passwords;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Commands;

/// <summary>Generates random passwords or passphrases, as SecureStrings unless -AsPlainText.</summary>
[Cmdlet(VerbsCommon.New, "MSecureRandomPassword", DefaultParameterSetName = CharactersSet)]
[OutputType(typeof(SecureString), typeof(string), typeof(RandomPasswordInfo))]
public sealed class NewMSecureRandomPasswordCommand : MSecureCommand
{
    private const string CharactersSet = "Characters";
    private const string PassphraseSet = "Passphrase";

    /// <summary>The number of characters, 4 to 1024.</summary>
    [Parameter(ParameterSetName = CharactersSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(PasswordOptions.MinimumLength, PasswordOptions.MaximumLength)]
    public int Length { get; set; } = PasswordOptions.DefaultLength;

    /// <summary>The character classes to use; at least one character of each is included.</summary>
    [Parameter(ParameterSetName = CharactersSet, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Uppercase", "Lowercase", "Digits", "Symbols", "All", IgnoreCase = true)]
    public string[] CharacterSet { get; set; } = ["All"];

    /// <summary>Leaves out characters that are easily confused: 0 O 1 l I |.</summary>
    [Parameter(ParameterSetName = CharactersSet)]
    public SwitchParameter ExcludeAmbiguous { get; set; }

    /// <summary>Characters to leave out, for example symbols a site refuses.</summary>
    [Parameter(ParameterSetName = CharactersSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string ExcludeCharacter { get; set; } = string.Empty;

    /// <summary>Generates a passphrase of random words instead.</summary>
    [Parameter(ParameterSetName = PassphraseSet, Mandatory = true)]
    public SwitchParameter Passphrase { get; set; }

    /// <summary>The number of words, 3 to 64.</summary>
    [Parameter(ParameterSetName = PassphraseSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(PassphraseOptions.MinimumWordCount, PassphraseOptions.MaximumWordCount)]
    public int WordCount { get; set; } = PassphraseOptions.DefaultWordCount;

    /// <summary>Written between words.</summary>
    [Parameter(ParameterSetName = PassphraseSet)]
    [AllowEmptyString]
    [ValidateLength(0, PassphraseOptions.MaximumSeparatorLength)]
    public string Separator { get; set; } = "-";

    /// <summary>Capitalises each word.</summary>
    [Parameter(ParameterSetName = PassphraseSet)]
    public SwitchParameter Capitalize { get; set; }

    /// <summary>Appends a random digit to one random word.</summary>
    [Parameter(ParameterSetName = PassphraseSet)]
    public SwitchParameter IncludeDigit { get; set; }

    /// <summary>How many passwords to generate.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int Count { get; set; } = 1;

    /// <summary>Writes RandomPasswordInfo objects with the length and entropy.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Returns plain Strings instead of SecureStrings.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Generates and writes the passwords for one input.</summary>
    protected override void ProcessRecord() => Run(() => null, () =>
    {
        for (int i = 0; i < Count; i++)
        {
            using GeneratedPassword password = Passphrase ? RandomPasswordGenerator.GeneratePassphrase(BuildPassphraseOptions()) : RandomPasswordGenerator.Generate(BuildPasswordOptions());
            WriteObject(Output(password));
        }
    });

    private object Output(GeneratedPassword password)
    {
        object value = AsPlainText ? new string(password.Characters) : SecureStrings.FromSpan(password.Characters);
        if (!Detailed)
        {
            return value;
        }

        string description = Passphrase
            ? $"{WordCount} words of {PassphraseWordList.Count}"
            : CharacterSets.Parse(CharacterSet).ToString() + (ExcludeAmbiguous || ExcludeCharacter.Length > 0 ? ", with exclusions" : string.Empty);
        return new RandomPasswordInfo(value, Passphrase ? PassphraseSet : CharactersSet, password.Length, password.EntropyBits, description);
    }

    private PasswordOptions BuildPasswordOptions() => new()
    {
        Length = Length,
        CharacterSet = CharacterSets.Parse(CharacterSet),
        ExcludeAmbiguous = ExcludeAmbiguous,
        ExcludedCharacters = ExcludeCharacter,
    };

    private PassphraseOptions BuildPassphraseOptions() => new()
    {
        WordCount = WordCount,
        Separator = Separator,
        Capitalize = Capitalize,
        IncludeDigit = IncludeDigit,
    };
}
