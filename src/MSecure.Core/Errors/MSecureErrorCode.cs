namespace MSecure.Core.Errors;

/// <summary>
/// Stable identifiers of everything that can go wrong. The PowerShell layer uses the name
/// as the ErrorRecord's ErrorId, so a name never changes once released.
/// </summary>
public enum MSecureErrorCode
{
    /// <summary>An argument is outside the documented range.</summary>
    InvalidArgument,

    /// <summary>Argon2 input or cost parameter outside RFC 9106 limits.</summary>
    Argon2ParameterOutOfRange,

    /// <summary>Stored or supplied KDF parameters are outside what MSecure accepts.</summary>
    KdfParametersOutOfRange,

    /// <summary>Encrypted data is shorter than its fixed header and tag.</summary>
    EnvelopeTruncated,

    /// <summary>Encrypted data was written by a newer or unknown format version.</summary>
    EnvelopeUnsupportedVersion,

    /// <summary>Encrypted data failed authentication: tampered, corrupted, wrong key or wrong context.</summary>
    EnvelopeAuthenticationFailed,

    /// <summary>The text is not an MSecure emergency kit.</summary>
    KitNotAKit,

    /// <summary>The text looks like a kit but its checksum or characters show a typing mistake.</summary>
    KitMistyped,

    /// <summary>The kit was written by a newer or unknown format version.</summary>
    KitUnsupportedVersion,

    /// <summary>The kit's checksum is right but its content is not well formed.</summary>
    KitMalformed,

    /// <summary>The password does not open the wrapped Account Key.</summary>
    WrongPassword,

    /// <summary>The Account Key does not decrypt the verifier: it belongs to another account.</summary>
    VerifierMismatch,

    /// <summary>An Account Key text is not 46 characters of the documented alphabet.</summary>
    InvalidAccountKey,

    /// <summary>No vault file exists at the given path.</summary>
    VaultNotFound,

    /// <summary>A vault file already exists where a new vault was to be created.</summary>
    VaultAlreadyExists,

    /// <summary>The vault file is not a database, is damaged or truncated, or lacks its metadata.</summary>
    VaultCorrupted,

    /// <summary>The vault file was written by a newer version of MSecure with a newer schema.</summary>
    VaultSchemaTooNew,

    /// <summary>Another process kept the vault file locked for longer than the busy timeout.</summary>
    VaultBusy,

    /// <summary>The vault file could not be read or written: disk full, read-only, permissions or an I/O error.</summary>
    VaultStorageFailed,

    /// <summary>A vault name is not 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    InvalidVaultName,

    /// <summary>No live record has the given id.</summary>
    RecordNotFound,

    /// <summary>Another live record already has the same name.</summary>
    RecordNameConflict,

    /// <summary>The record changed since the revision the caller expected.</summary>
    RecordRevisionConflict,

    /// <summary>A stored record failed authentication: tampered with, moved, rolled back or corrupted.</summary>
    RecordTampered,

    /// <summary>A record draft is not valid (name, field, tag or size).</summary>
    InvalidRecord,

    /// <summary>The vault session was locked (disposed) or its keys are no longer current.</summary>
    VaultLocked,

    /// <summary>The vault file was changed outside MSecure: records added, removed, hidden or rolled back, or metadata changed (the sealed vault state does not match).</summary>
    VaultTampered,

    /// <summary>Unicode normalisation is unavailable (globalization-invariant mode), so non-ASCII text cannot be used as a password or record name.</summary>
    UnicodeNormalizationUnavailable,

    /// <summary>The vault file holds an older state than this device saw last (its revision witness), or the witness is damaged.</summary>
    VaultRolledBack,

    /// <summary>A new vault password is too weak for the vault password policy (length, common password, sequence, repetition).</summary>
    WeakPassword,

    /// <summary>A secret (notes or a secret field value, stored by an older version) is longer than a SecureString holds.</summary>
    SecretTooLong,

    /// <summary>The per-user settings file (the default vault) is not valid: damaged, or edited by hand into something MSecure does not accept.</summary>
    SettingsInvalid,

    /// <summary>The vault's folder can be written by other users, who could replace or delete the vault or plant its companion files.</summary>
    VaultLocationUnsafe,

    /// <summary>An emergency kit file cannot be read: missing, a folder, not permitted, an I/O error, too large, or a damaged image.</summary>
    KitFileUnreadable,

    /// <summary>The account server could not be reached: connection refused or reset, a timeout, or a gateway error, after retries.</summary>
    ServerUnreachable,

    /// <summary>The account server's TLS certificate is not the pinned one (or, with no pin, not trusted by the system store).</summary>
    ServerCertificateMismatch,

    /// <summary>The account server answered something the protocol does not allow (an unexpected status or body).</summary>
    ServerProtocolError,

    /// <summary>The account server refused the sign-in: no account with this email and key.</summary>
    SignInFailed,

    /// <summary>This device was revoked on the account server.</summary>
    DeviceRevoked,

    /// <summary>The account's Account Key was replaced on another device; this device holds the old one.</summary>
    AccountKeyRotated,

    /// <summary>The emergency kit does not belong to the account of that email on that server (or the email is wrong).</summary>
    KitAccountMismatch,

    /// <summary>The account server rate-limited the request; try again after the time it gave.</summary>
    RateLimited,

    /// <summary>The account server does not accept this registration (closed, or an invite code is missing or invalid).</summary>
    RegistrationRefused,

    /// <summary>The account id or email is already registered on the account server with another key.</summary>
    AccountAlreadyRegistered,

    /// <summary>The vault is not registered with an account server.</summary>
    AccountNotRegistered,

    /// <summary>The account has no device with that id.</summary>
    DeviceNotFound,

    /// <summary>The sync server or folder served changes that do not authenticate or break a record's history (replayed, dropped, swapped, another vault's); nothing was written.</summary>
    SyncTampered,

    /// <summary>The sync server answered with an older change sequence than this device already saw.</summary>
    SyncRolledBack,

    /// <summary>The sync folder cannot be used: missing, not an MSecure sync folder, another account's, or not writable.</summary>
    SyncFolderInvalid,

    /// <summary>The vault has no sync method: no account server, and no folder given.</summary>
    SyncNotConfigured,

    /// <summary>The session token (MSECURE_SESSION) is malformed, belongs to another vault, or its session was locked (the session file is gone).</summary>
    SessionInvalid,

    /// <summary>The session token's session has expired; unlock the vault again.</summary>
    SessionExpired,

    /// <summary>The access key token is malformed, wrong, or not known to the vault or server it names.</summary>
    AccessKeyInvalid,

    /// <summary>The access key has expired.</summary>
    AccessKeyExpired,

    /// <summary>The access key was revoked.</summary>
    AccessKeyRevoked,

    /// <summary>The vault has no access key with that name or id.</summary>
    AccessKeyNotFound,

    /// <summary>An import file's format is not known, or Auto found no format that recognises its content.</summary>
    ImportFormatUnknown,

    /// <summary>An import file cannot be read at all: not of the format given, broken beyond one entry, unreadable.</summary>
    ImportFileInvalid,

    /// <summary>Entries of an import file could not be read or stored; nothing was imported.</summary>
    ImportFailed,

    /// <summary>The file is not an MSecure backup, or was written by a newer version.</summary>
    BackupInvalid,

    /// <summary>The backup's key check failed: wrong backup password, or another account's Account Key.</summary>
    BackupKeyWrong,

    /// <summary>The backup file was altered or truncated; nothing was restored.</summary>
    BackupTampered,

    /// <summary>The record holds no one-time password seed.</summary>
    OneTimePasswordMissing,

    /// <summary>The record's one-time password seed is not an otpauth://totp URI or Base32 secret MSecure can use.</summary>
    OneTimePasswordInvalid,
}
