namespace MSecure.PowerShell.Errors;

/// <summary>ErrorIds of failures the module detects itself, before or around the engine. Never renamed once released.</summary>
internal static class ModuleErrorIds
{
    /// <summary>No password was given and the host cannot prompt for one.</summary>
    internal const string PasswordRequired = "PasswordRequired";

    /// <summary>More than one of -Password, -Credential and -PasswordFile was given.</summary>
    internal const string PasswordSourceConflict = "PasswordSourceConflict";

    /// <summary>The -PasswordFile does not exist or cannot be read.</summary>
    internal const string PasswordFileUnreadable = "PasswordFileUnreadable";

    /// <summary>The -PasswordFile is empty or not UTF-8 text.</summary>
    internal const string PasswordFileInvalid = "PasswordFileInvalid";

    /// <summary>A new password is empty.</summary>
    internal const string PasswordEmpty = "PasswordEmpty";

    /// <summary>Two parameters that exclude each other were given (for example -Field and -AsCredential).</summary>
    internal const string ParameterConflict = "ParameterConflict";

    /// <summary>A record has no field of the label -Field names.</summary>
    internal const string FieldNotFound = "FieldNotFound";

    /// <summary>-AsCredential on a record whose template has no user name and password, or whose user name is empty.</summary>
    internal const string RecordHasNoCredential = "RecordHasNoCredential";

    /// <summary>An emergency kit format that is a file (Png, Svg, Html) was asked for without -Path.</summary>
    internal const string PathRequired = "PathRequired";

    /// <summary>The file to write already exists and -Force was not given.</summary>
    internal const string FileExists = "FileExists";

    /// <summary>The emergency kit file could not be written.</summary>
    internal const string KitFileWriteFailed = "KitFileWriteFailed";

    /// <summary>A new password and its confirmation, typed at a prompt, differ.</summary>
    internal const string PasswordMismatch = "PasswordMismatch";

    /// <summary>A file or folder could not be read or written (an I/O or access failure the engine did not report itself).</summary>
    internal const string FileAccessFailed = "FileAccessFailed";

    /// <summary>An argument the engine or a helper refused, which the module did not map itself.</summary>
    internal const string InvalidArgument = "InvalidArgument";

    /// <summary>Test-MSecureVault found problems in a vault (its report lists them).</summary>
    internal const string VaultCheckFailed = "VaultCheckFailed";

    /// <summary>A SecretManagement VaultParameters entry MSecure does not know, or whose value is of the wrong type.</summary>
    internal const string SecretVaultParameterInvalid = "SecretVaultParameterInvalid";

    /// <summary>A SecretManagement VaultParameters key that looks like a password: VaultParameters are stored in plain text, so it is refused.</summary>
    internal const string SecretVaultParameterSecret = "SecretVaultParameterSecret";

    /// <summary>Set-Secret of a value the SecretManagement extension cannot store (not byte[], string, SecureString, PSCredential or Hashtable of string/SecureString).</summary>
    internal const string SecretTypeUnsupported = "SecretTypeUnsupported";

    /// <summary>SecretManagement metadata MSecure cannot store honestly (a key other than Tags, Url and Favorite, or a value of the wrong type).</summary>
    internal const string SecretMetadataUnsupported = "SecretMetadataUnsupported";

    /// <summary>A record the SecretManagement extension wrote (a byte[] secret) no longer holds what its type marker says.</summary>
    internal const string SecretRecordInvalid = "SecretRecordInvalid";

    /// <summary>The environment variable -PasswordVariable names is unset or empty.</summary>
    internal const string PasswordVariableNotSet = "PasswordVariableNotSet";

    /// <summary>-PasswordFile - (standard input) while standard input is a terminal.</summary>
    internal const string PasswordInputNotRedirected = "PasswordInputNotRedirected";

    /// <summary>A record write while only a read-only access key (MSECURE_ACCESS_KEY) is available.</summary>
    internal const string AccessKeyReadOnly = "AccessKeyReadOnly";

    /// <summary>Export-MSecureRecord without -AsPlainText: a plaintext export must be asked for explicitly.</summary>
    internal const string ExportRequiresPlainText = "ExportRequiresPlainText";
}
