using MSecure.Core.Errors;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// The process exit codes, one per class of failure. They are part of the CLI's contract
/// (docs/cli.md): scripts branch on them, so a value never changes once released.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    internal const int Ok = 0;

    /// <summary>Anything not classed below (an I/O error, an unexpected failure).</summary>
    internal const int Generic = 1;

    /// <summary>Bad command line or argument: unknown option, missing argument, invalid value.</summary>
    internal const int Usage = 2;

    /// <summary>A password, key or token did not authenticate (WrongPassword, VerifierMismatch, SignInFailed, KitAccountMismatch).</summary>
    internal const int WrongPassword = 3;

    /// <summary>No way to unlock: no password source, and no valid session token (PasswordRequired, SessionInvalid, SessionExpired, VaultLocked).</summary>
    internal const int Locked = 4;

    /// <summary>The vault, record or field does not exist.</summary>
    internal const int NotFound = 5;

    /// <summary>The vault or a record is damaged, tampered with or rolled back.</summary>
    internal const int Tampered = 6;

    /// <summary>The account server could not be reached, answered wrongly, or rate-limited.</summary>
    internal const int Server = 7;

    /// <summary>A name or revision conflict, a vault that exists already, or a vault busy in another process.</summary>
    internal const int Conflict = 8;

    /// <summary>Refused: a revoked device, an invalid, expired or revoked access key, a record the access key may not read.</summary>
    internal const int Denied = 9;

    /// <summary>Bad input data: a mistyped or malformed kit, an invalid record, a weak password, a too-new format.</summary>
    internal const int InvalidData = 10;

    /// <summary>run: the command could not be started (not found, not executable).</summary>
    internal const int CommandNotStarted = 127;

    /// <summary>The exit code of an engine failure: by its code first, then by its category.</summary>
    internal static int Of(MSecureErrorCode code, MSecureErrorCategory category) => code switch
    {
        MSecureErrorCode.WrongPassword or MSecureErrorCode.VerifierMismatch or MSecureErrorCode.SignInFailed
            or MSecureErrorCode.KitAccountMismatch or MSecureErrorCode.InvalidAccountKey => WrongPassword,
        MSecureErrorCode.VaultLocked or MSecureErrorCode.SessionInvalid or MSecureErrorCode.SessionExpired => Locked,
        MSecureErrorCode.VaultNotFound or MSecureErrorCode.RecordNotFound or MSecureErrorCode.DeviceNotFound
            or MSecureErrorCode.AccessKeyNotFound or MSecureErrorCode.AccountNotRegistered or MSecureErrorCode.SyncNotConfigured => NotFound,
        MSecureErrorCode.VaultCorrupted or MSecureErrorCode.VaultTampered or MSecureErrorCode.RecordTampered or MSecureErrorCode.VaultRolledBack
            or MSecureErrorCode.EnvelopeAuthenticationFailed or MSecureErrorCode.EnvelopeTruncated
            or MSecureErrorCode.SyncTampered or MSecureErrorCode.SyncRolledBack => Tampered,
        MSecureErrorCode.ServerUnreachable or MSecureErrorCode.ServerCertificateMismatch or MSecureErrorCode.ServerProtocolError
            or MSecureErrorCode.RateLimited => Server,
        MSecureErrorCode.RecordNameConflict or MSecureErrorCode.RecordRevisionConflict or MSecureErrorCode.VaultAlreadyExists
            or MSecureErrorCode.VaultBusy or MSecureErrorCode.AccountAlreadyRegistered => Conflict,
        MSecureErrorCode.DeviceRevoked or MSecureErrorCode.AccessKeyInvalid or MSecureErrorCode.AccessKeyExpired
            or MSecureErrorCode.AccessKeyRevoked or MSecureErrorCode.RegistrationRefused or MSecureErrorCode.AccountKeyRotated
            or MSecureErrorCode.VaultLocationUnsafe => Denied,
        MSecureErrorCode.KitNotAKit or MSecureErrorCode.KitMistyped or MSecureErrorCode.KitMalformed or MSecureErrorCode.KitUnsupportedVersion
            or MSecureErrorCode.InvalidRecord or MSecureErrorCode.WeakPassword or MSecureErrorCode.SecretTooLong
            or MSecureErrorCode.VaultSchemaTooNew or MSecureErrorCode.EnvelopeUnsupportedVersion => InvalidData,
        MSecureErrorCode.InvalidArgument or MSecureErrorCode.InvalidVaultName => Usage,
        _ => OfCategory(category),
    };

    private static int OfCategory(MSecureErrorCategory category) => category switch
    {
        MSecureErrorCategory.InvalidArgument => Usage,
        MSecureErrorCategory.InvalidData or MSecureErrorCategory.NotImplemented => InvalidData,
        MSecureErrorCategory.AuthenticationError => WrongPassword,
        MSecureErrorCategory.ObjectNotFound => NotFound,
        MSecureErrorCategory.ResourceExists => Conflict,
        MSecureErrorCategory.ConnectionError or MSecureErrorCategory.LimitsExceeded => Server,
        MSecureErrorCategory.SecurityError or MSecureErrorCategory.PermissionDenied => Denied,
        MSecureErrorCategory.InvalidOperation => Locked,
        _ => Generic,
    };
}
