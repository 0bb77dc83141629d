using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MSecure.Core.Records;

namespace MSecure.Core.Errors;

/// <summary>
/// Named factories for every expected failure, so each message is written once and reads
/// the same wherever it is raised. No factory takes a secret as an argument.
/// </summary>
public static class MSecureErrors
{
    private static MSecureException Create(MSecureErrorCode code, MSecureErrorCategory category, string message) =>
        new(code, category, message);

    private static MSecureException Create(MSecureErrorCode code, MSecureErrorCategory category, string message, Exception? innerException) =>
        innerException is null ? new(code, category, message) : new(code, category, message, innerException);

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>An Argon2 parameter is outside the limits of RFC 9106 section 3.1.</summary>
    public static MSecureException Argon2ParameterOutOfRange(string parameter, string limit) =>
        Create(MSecureErrorCode.Argon2ParameterOutOfRange, MSecureErrorCategory.InvalidArgument,
            Format("Argon2 parameter '{0}' is out of range: it must be {1} (RFC 9106, section 3.1).", parameter, limit));

    /// <summary>KDF parameters are outside the bounds MSecure accepts.</summary>
    public static MSecureException KdfParametersOutOfRange(string parameter, long value, long minimum, long maximum) =>
        Create(MSecureErrorCode.KdfParametersOutOfRange, MSecureErrorCategory.InvalidData,
            Format("Key derivation parameter '{0}' is {1}, outside the accepted range {2} to {3}. The data may be corrupted or hostile.",
                parameter, value, minimum, maximum));

    /// <summary>An unknown key derivation algorithm identifier.</summary>
    public static MSecureException KdfAlgorithmUnknown(int algorithm) =>
        Create(MSecureErrorCode.KdfParametersOutOfRange, MSecureErrorCategory.InvalidData,
            Format("Key derivation algorithm {0} is not known to this version of MSecure.", algorithm));

    /// <summary>Encrypted data shorter than header plus tag.</summary>
    public static MSecureException EnvelopeTruncated(int length, int minimum) =>
        Create(MSecureErrorCode.EnvelopeTruncated, MSecureErrorCategory.InvalidData,
            Format("Encrypted data is {0} bytes long, shorter than the {1} bytes of its header and tag: it is truncated or corrupted.", length, minimum));

    /// <summary>Encrypted data of an unknown format version.</summary>
    public static MSecureException EnvelopeUnsupportedVersion(int version) =>
        Create(MSecureErrorCode.EnvelopeUnsupportedVersion, MSecureErrorCategory.NotImplemented,
            Format("Encrypted data has format version {0}, which this version of MSecure cannot read. It was written by a newer version, or it is corrupted.", version));

    /// <summary>Authentication of encrypted data failed.</summary>
    public static MSecureException EnvelopeAuthenticationFailed(string what) =>
        Create(MSecureErrorCode.EnvelopeAuthenticationFailed, MSecureErrorCategory.InvalidData,
            Format("The {0} failed authentication: it was tampered with, corrupted, or does not belong here.", what));

    /// <summary>The text is not an emergency kit at all.</summary>
    public static MSecureException KitNotAKit(string reason) =>
        Create(MSecureErrorCode.KitNotAKit, MSecureErrorCategory.InvalidArgument,
            Format("This is not an MSecure emergency kit: {0}", reason));

    /// <summary>The kit text has a typing mistake.</summary>
    public static MSecureException KitMistyped(string reason) =>
        Create(MSecureErrorCode.KitMistyped, MSecureErrorCategory.InvalidArgument,
            Format("The emergency kit text has a typing mistake: {0} Check it against the printed kit.", reason));

    /// <summary>The kit uses an unknown format version.</summary>
    public static MSecureException KitUnsupportedVersion(int version) =>
        Create(MSecureErrorCode.KitUnsupportedVersion, MSecureErrorCategory.NotImplemented,
            Format("The emergency kit has format version {0}, which this version of MSecure cannot read. Update MSecure.", version));

    /// <summary>The kit's checksum matched but the content is not well formed.</summary>
    public static MSecureException KitMalformed(string reason) =>
        Create(MSecureErrorCode.KitMalformed, MSecureErrorCategory.InvalidData,
            Format("The emergency kit is damaged: {0}", reason));

    /// <summary>A kit file cannot be read (missing, a folder, not permitted, an I/O error, too large); <paramref name="reason"/> says why.</summary>
    public static MSecureException KitFileUnreadable(string path, string reason, Exception? innerException = null)
    {
        string message = Format("The emergency kit file '{0}' cannot be read: {1}", path, reason);
        return innerException is null
            ? Create(MSecureErrorCode.KitFileUnreadable, MSecureErrorCategory.ResourceUnavailable, message)
            : new MSecureException(MSecureErrorCode.KitFileUnreadable, MSecureErrorCategory.ResourceUnavailable, message, innerException);
    }

    /// <summary>A kit image (PNG or JPEG) is damaged, truncated or too large to decode. Never holds the file's content.</summary>
    public static MSecureException KitImageDamaged(string path, string reason) =>
        Create(MSecureErrorCode.KitFileUnreadable, MSecureErrorCategory.InvalidData,
            Format("The emergency kit image '{0}' cannot be read: {1}", path, reason));

    /// <summary>The password did not unwrap the Account Key.</summary>
    public static MSecureException WrongPassword() =>
        Create(MSecureErrorCode.WrongPassword, MSecureErrorCategory.AuthenticationError,
            "The password is wrong: it does not open this Account Key (or the key's stored account, email or KDF parameters were changed).");

    /// <summary>The verifier did not decrypt with the Account Key.</summary>
    public static MSecureException VerifierMismatch() =>
        Create(MSecureErrorCode.VerifierMismatch, MSecureErrorCategory.AuthenticationError,
            "The Account Key does not match this account: the verifier did not decrypt.");

    /// <summary>An Account Key text has the wrong length or characters. Never echoes the text.</summary>
    public static MSecureException InvalidAccountKey(string reason) =>
        Create(MSecureErrorCode.InvalidAccountKey, MSecureErrorCategory.InvalidArgument,
            Format("This is not a valid Account Key: {0}", reason));

    /// <summary>A generic out-of-range argument.</summary>
    public static MSecureException InvalidArgument(string parameter, string requirement) =>
        Create(MSecureErrorCode.InvalidArgument, MSecureErrorCategory.InvalidArgument,
            Format("'{0}' is invalid: {1}", parameter, requirement));

    /// <summary>No vault file exists at <paramref name="path"/>.</summary>
    public static MSecureException VaultNotFound(string path) =>
        Create(MSecureErrorCode.VaultNotFound, MSecureErrorCategory.ResourceUnavailable,
            Format("No MSecure vault exists at '{0}'.", path));

    /// <summary>A vault file already exists at <paramref name="path"/>.</summary>
    public static MSecureException VaultAlreadyExists(string path) =>
        Create(MSecureErrorCode.VaultAlreadyExists, MSecureErrorCategory.InvalidOperation,
            Format("A file already exists at '{0}': a new vault is never written over an existing file.", path));

    /// <summary>The vault file cannot be read as a vault; <paramref name="reason"/> says why.</summary>
    public static MSecureException VaultCorrupted(string path, string reason, Exception? innerException = null)
    {
        string message = Format("The vault file '{0}' is damaged or is not an MSecure vault: {1} Restore it from a backup.", path, reason);
        return Create(MSecureErrorCode.VaultCorrupted, MSecureErrorCategory.InvalidData, message, innerException);
    }

    /// <summary>The vault was written with a newer schema than this build knows.</summary>
    public static MSecureException VaultSchemaTooNew(string path, int version, int supported) =>
        Create(MSecureErrorCode.VaultSchemaTooNew, MSecureErrorCategory.NotImplemented,
            Format("The vault file '{0}' has schema version {1}; this version of MSecure reads up to {2}. Update MSecure.", path, version, supported));

    /// <summary>Another process held the vault's lock longer than the busy timeout.</summary>
    public static MSecureException VaultBusy(string path, TimeSpan timeout, Exception? innerException = null)
    {
        string message = Format("The vault file '{0}' stayed locked by another process for more than {1} seconds. Try again.", path, timeout.TotalSeconds);
        return Create(MSecureErrorCode.VaultBusy, MSecureErrorCategory.ResourceUnavailable, message, innerException);
    }

    /// <summary>Another process changed the wrapped Account Key while this one was deriving keys.</summary>
    public static MSecureException VaultChangedConcurrently(string path) =>
        Create(MSecureErrorCode.VaultBusy, MSecureErrorCategory.ResourceUnavailable,
            Format("The password or Account Key of the vault '{0}' was changed by another process meanwhile; nothing was changed here. Try again.", path));

    /// <summary>The operating system or SQLite refused to read or write the vault file; nothing was changed.</summary>
    public static MSecureException VaultStorageFailed(string path, string reason, Exception innerException) =>
        new(MSecureErrorCode.VaultStorageFailed, MSecureErrorCategory.ResourceUnavailable,
            Format("The vault file '{0}' could not be read or written: {1} Nothing was changed.", path, reason), innerException);

    /// <summary>A vault name that is not 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    public static MSecureException InvalidVaultName(string name) =>
        Create(MSecureErrorCode.InvalidVaultName, MSecureErrorCategory.InvalidArgument,
            Format("'{0}' is not a valid vault name: use 1 to 64 letters, digits, '-', '_' or '.', or give a path.", name));

    /// <summary>No live record has <paramref name="id"/>.</summary>
    public static MSecureException RecordNotFound(Guid id) =>
        Create(MSecureErrorCode.RecordNotFound, MSecureErrorCategory.ResourceUnavailable,
            Format("No record with id {0} exists in this vault.", id));

    /// <summary>Another live record, <paramref name="existingId"/>, already has the name. The name is not repeated.</summary>
    public static MSecureException RecordNameConflict(Guid? existingId) =>
        Create(MSecureErrorCode.RecordNameConflict, MSecureErrorCategory.InvalidOperation,
            existingId is { } id
                ? Format("Another record (id {0}) already has this name: record names are unique in a vault (ignoring case).", id)
                : "Another record already has this name: record names are unique in a vault (ignoring case).");

    /// <summary>The record is at <paramref name="actual"/>, not the <paramref name="expected"/> revision the caller edited.</summary>
    public static MSecureException RecordRevisionConflict(Guid id, long expected, long actual) =>
        Create(MSecureErrorCode.RecordRevisionConflict, MSecureErrorCategory.InvalidOperation,
            Format("Record {0} is at revision {1}, not the expected revision {2}: it was changed meanwhile. Read it again and reapply the change.", id, actual, expected));

    /// <summary>A stored record failed authentication. Names the record id, never its content.</summary>
    public static MSecureException RecordTampered(Guid id, string what, Exception? innerException = null)
    {
        string message = Format("Record {0} failed authentication ({1}): it was tampered with, moved from another record, rolled back to an earlier revision, or corrupted.", id, what);
        return Create(MSecureErrorCode.RecordTampered, MSecureErrorCategory.InvalidData, message, innerException);
    }

    /// <summary>A record draft is not valid; <paramref name="reason"/> says why without quoting any value.</summary>
    public static MSecureException InvalidRecord(string reason) =>
        Create(MSecureErrorCode.InvalidRecord, MSecureErrorCategory.InvalidArgument,
            Format("The record is not valid: {0}", reason));

    /// <summary>The record set no longer matches the vault's integrity anchor; <paramref name="reason"/> names no secret.</summary>
    public static MSecureException VaultTampered(string path, string reason) =>
        Create(MSecureErrorCode.VaultTampered, MSecureErrorCategory.InvalidData,
            Format("The vault file '{0}' failed its integrity check: it was changed outside MSecure ({1}). Restore it from a backup.", path, reason));

    /// <summary>Non-ASCII <paramref name="what"/> while Unicode normalisation is unavailable.</summary>
    public static MSecureException UnicodeNormalizationUnavailable(string what) =>
        Create(MSecureErrorCode.UnicodeNormalizationUnavailable, MSecureErrorCategory.InvalidArgument,
            Format("The {0} contains non-ASCII characters, but Unicode normalisation is unavailable in this process (globalization-invariant mode, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT): it would give a different result than elsewhere. Use ASCII only, or run with ICU available.", what));

    /// <summary>A vault session was used after it was locked.</summary>
    public static MSecureException VaultLocked() =>
        Create(MSecureErrorCode.VaultLocked, MSecureErrorCategory.InvalidOperation,
            "The vault is locked: unlock it again.");

    /// <summary>Another session rotated the Account Key, so this session's keys are stale.</summary>
    public static MSecureException VaultKeysRotated() =>
        Create(MSecureErrorCode.VaultLocked, MSecureErrorCategory.InvalidOperation,
            "The vault's Account Key was rotated by another session, so this session's keys no longer apply: unlock the vault again.");

    /// <summary>
    /// The vault file holds an older state than the one this device recorded in its revision witness:
    /// an older revision (<paramref name="witnessed"/>), or, when that is null, older keys or a format
    /// from before sealed states.
    /// </summary>
    public static MSecureException VaultRolledBack(string path, string witnessPath, long? witnessed, long found) =>
        Create(MSecureErrorCode.VaultRolledBack, MSecureErrorCategory.InvalidData, witnessed is { } newest
            ? Format("The vault file '{0}' holds an older state (revision {1}) than this device last saw (revision {2}, recorded in '{3}'): it was replaced by an older copy, or a damaged write-ahead log rolled it back. Restore the newest copy; to use this one on purpose (a restored backup), unlock it with -AcceptRollback.", path, found, newest, witnessPath)
            : Format("The vault file '{0}' holds an older state than this device last saw (older keys or an older format than recorded in '{1}'): it was replaced by an older copy. Restore the newest copy; to use this one on purpose (a restored backup), unlock it with -AcceptRollback.", path, witnessPath));

    /// <summary>The revision witness beside the vault does not authenticate or names another vault, so the vault cannot be shown to be current.</summary>
    public static MSecureException VaultWitnessDamaged(string path, string witnessPath) =>
        Create(MSecureErrorCode.VaultRolledBack, MSecureErrorCategory.InvalidData,
            Format("The revision witness '{0}' of the vault file '{1}' is damaged or belongs to another vault, so this device cannot tell whether the vault was rolled back or replaced. If the vault file is the newest copy you have, unlock it with -AcceptRollback to record its state again.", witnessPath, path));

    /// <summary>A new vault password breaks the password policy; <paramref name="reason"/> says how and <paramref name="rule"/> states the rule. Never the password.</summary>
    public static MSecureException WeakPassword(string reason, string rule) =>
        Create(MSecureErrorCode.WeakPassword, MSecureErrorCategory.InvalidArgument,
            Format("The new password is too weak: {0}. {1} Choose a passphrase of several random words (New-MSecureRandomPassword -Passphrase), or accept this password explicitly with -AllowWeakPassword.", reason, rule));

    /// <summary><paramref name="what"/> is longer than the 65,536 characters a SecureString holds; <paramref name="advice"/> says what to do. Never the value.</summary>
    public static MSecureException SecretTooLong(string what, int length, string advice) =>
        Create(MSecureErrorCode.SecretTooLong, MSecureErrorCategory.InvalidData,
            Format("{0}: {1:N0} characters, more than the 65,536 a SecureString holds. {2}", what, length, advice).TrimEnd());

    /// <summary>The settings file at <paramref name="path"/> is not valid; <paramref name="reason"/> says why.</summary>
    public static MSecureException SettingsInvalid(string path, string reason, Exception? innerException = null)
    {
        string message = Format("The MSecure settings file '{0}' is not valid: {1} Set the default vault again with Set-MSecureDefaultVault, or delete the file.", path, reason);
        return Create(MSecureErrorCode.SettingsInvalid, MSecureErrorCategory.InvalidData, message, innerException);
    }

    /// <summary>The folder of the vault at <paramref name="path"/> can be written by other users.</summary>
    public static MSecureException VaultLocationUnsafe(string path, string folder, System.IO.UnixFileMode mode) =>
        Create(MSecureErrorCode.VaultLocationUnsafe, MSecureErrorCategory.InvalidOperation,
            Format("The vault file '{0}' is in a folder other users can write ('{1}', mode {2}): they could replace or delete the vault, or plant the files SQLite keeps beside it. Move the vault to a folder only you can write (for example chmod o-w, or 700).",
                path, folder, Convert.ToString((int)mode, 8)));

    /// <summary>The account server at <paramref name="server"/> did not answer; <paramref name="reason"/> says how (no secret).</summary>
    public static MSecureException ServerUnreachable(Uri server, string reason, Exception? innerException = null) =>
        Create(MSecureErrorCode.ServerUnreachable, MSecureErrorCategory.ConnectionError,
            Format("The MSecure account server '{0}' cannot be reached: {1} Check that it runs and that the address is right, then try again.", server, reason),
            innerException);

    /// <summary>The server's certificate is not the pinned one (<paramref name="pinned"/>), or not trusted when nothing is pinned.</summary>
    public static MSecureException ServerCertificateMismatch(Uri server, bool pinned) =>
        Create(MSecureErrorCode.ServerCertificateMismatch, MSecureErrorCategory.SecurityError, pinned
            ? Format("The TLS certificate of the MSecure account server '{0}' does not have the pinned SHA-256 fingerprint: this may not be your server. Compare the fingerprint with the one `msecure-server fingerprint` prints on the server.", server)
            : Format("The TLS certificate of the MSecure account server '{0}' is not trusted by this system. For a self-signed server certificate, pin it with -CertificateThumbprint (the fingerprint `msecure-server fingerprint` prints on the server).", server));

    /// <summary>The server answered outside the protocol; <paramref name="what"/> says how (status, code; never a body).</summary>
    public static MSecureException ServerProtocolError(Uri server, string what, Exception? innerException = null) =>
        Create(MSecureErrorCode.ServerProtocolError, MSecureErrorCategory.InvalidData,
            Format("The MSecure account server '{0}' gave an unexpected answer: {1} It may run an incompatible version.", server, what),
            innerException);

    /// <summary>The server refused the sign-in.</summary>
    public static MSecureException SignInFailed(Uri server) =>
        Create(MSecureErrorCode.SignInFailed, MSecureErrorCategory.AuthenticationError,
            Format("The MSecure account server '{0}' refused the sign-in: it has no account with this vault's email and Account Key.", server));

    /// <summary>This device was revoked.</summary>
    public static MSecureException DeviceRevoked(Uri server) =>
        Create(MSecureErrorCode.DeviceRevoked, MSecureErrorCategory.PermissionDenied,
            Format("This device was revoked on the MSecure account server '{0}'. To use the account here again, forget the server (Disconnect-MSecureAccount) and enroll this device anew with Connect-MSecureAccount.", server));

    /// <summary>The Account Key was replaced on another device.</summary>
    public static MSecureException AccountKeyRotated(Uri server) =>
        Create(MSecureErrorCode.AccountKeyRotated, MSecureErrorCategory.AuthenticationError,
            Format("The Account Key of this account was replaced on another device (Reset-MSecureAccountKey), so this device's key no longer signs in to '{0}'. Enroll this device again with Connect-MSecureAccount and the NEW emergency kit.", server));

    /// <summary>The Account Key was replaced on another device that syncs through the folder <paramref name="folder"/>.</summary>
    public static MSecureException AccountKeyRotatedInFolder(string folder) =>
        Create(MSecureErrorCode.AccountKeyRotated, MSecureErrorCategory.AuthenticationError,
            Format("The Account Key of this account was replaced on another device (Reset-MSecureAccountKey): the sync folder '{0}' now belongs to the new key. Enroll this device again with Connect-MSecureAccount -Folder and the NEW emergency kit.", folder));

    /// <summary>The kit does not belong to the account of the email on the server.</summary>
    public static MSecureException KitAccountMismatch(string reason) =>
        Create(MSecureErrorCode.KitAccountMismatch, MSecureErrorCategory.AuthenticationError,
            Format("The emergency kit does not belong to this account: {0} Check the email address and use the newest kit of the account.", reason));

    /// <summary>The server rate-limited the request.</summary>
    public static MSecureException RateLimited(Uri server, TimeSpan? retryAfter) =>
        new(MSecureErrorCode.RateLimited, MSecureErrorCategory.LimitsExceeded, retryAfter is { } wait
            ? Format("The MSecure account server '{0}' received too many requests: try again in {1:N0} seconds.", server, Math.Ceiling(wait.TotalSeconds))
            : Format("The MSecure account server '{0}' received too many requests: try again later.", server))
        {
            RetryAfter = retryAfter,
        };

    /// <summary>The server does not accept the registration: closed, or the invite code is missing or invalid.</summary>
    public static MSecureException RegistrationRefused(Uri server, bool inviteOnly) =>
        Create(MSecureErrorCode.RegistrationRefused, MSecureErrorCategory.PermissionDenied, inviteOnly
            ? Format("The MSecure account server '{0}' registers accounts by invitation only, and the invite code is missing, unknown, used or expired. Ask the server's administrator for an invite code (-InviteCode).", server)
            : Format("The MSecure account server '{0}' does not accept new accounts.", server));

    /// <summary>The account id or email is registered already with another key.</summary>
    public static MSecureException AccountAlreadyRegistered(Uri server) =>
        Create(MSecureErrorCode.AccountAlreadyRegistered, MSecureErrorCategory.ResourceExists,
            Format("The MSecure account server '{0}' already has an account with this account id or email and another Account Key. To use that account on this device, enroll with Connect-MSecureAccount and its emergency kit.", server));

    /// <summary>The vault has no account server.</summary>
    public static MSecureException AccountNotRegistered(string path) =>
        Create(MSecureErrorCode.AccountNotRegistered, MSecureErrorCategory.InvalidOperation,
            Format("The vault '{0}' is not connected to an MSecure account server: register it with Register-MSecureAccount, or enroll a device with Connect-MSecureAccount.", path));

    /// <summary>The account has no device <paramref name="deviceId"/>.</summary>
    public static MSecureException DeviceNotFound(Guid deviceId) =>
        Create(MSecureErrorCode.DeviceNotFound, MSecureErrorCategory.ObjectNotFound,
            Format("The account has no device with id {0} (Get-MSecureDevice lists them).", deviceId));

    /// <summary>The sync source served something that does not authenticate or breaks a record's history.</summary>
    public static MSecureException SyncTampered(string source, string reason) =>
        Create(MSecureErrorCode.SyncTampered, MSecureErrorCategory.SecurityError,
            Format("The sync source '{0}' served changes this device cannot accept: {1} Nothing was written to the vault.", source, reason));

    /// <summary>The sync server's change sequence went back below one this device saw.</summary>
    public static MSecureException SyncRolledBack(string source, long seen, long served) =>
        Create(MSecureErrorCode.SyncRolledBack, MSecureErrorCategory.SecurityError,
            Format("The sync source '{0}' answered with change sequence {1}, older than {2}, which this device already saw: it was restored from an older copy or is not the same server. Nothing was written.", source, served, seen));

    /// <summary>The sync folder cannot be used.</summary>
    public static MSecureException SyncFolderInvalid(string folder, string reason, Exception? innerException = null) =>
        Create(MSecureErrorCode.SyncFolderInvalid, MSecureErrorCategory.InvalidArgument,
            Format("The sync folder '{0}' cannot be used: {1}", folder, reason), innerException);

    /// <summary>The vault has no sync method.</summary>
    public static MSecureException SyncNotConfigured(string path) =>
        Create(MSecureErrorCode.SyncNotConfigured, MSecureErrorCategory.InvalidOperation,
            Format("The vault '{0}' has no sync method: connect it to an account server (Register-MSecureAccount, Connect-MSecureAccount) or sync through a folder with -Folder.", path));

    /// <summary>A session token (MSECURE_SESSION) that opens no session of this vault; never quotes the token.</summary>
    public static MSecureException SessionInvalid(string path, string reason) =>
        Create(MSecureErrorCode.SessionInvalid, MSecureErrorCategory.AuthenticationError,
            Format("The session token does not open the vault '{0}': {1} Unlock the vault with its password (Unlock-MSecureVault -SessionToken issues a new token).", path, reason));

    /// <summary>The token's session expired (its file is deleted).</summary>
    public static MSecureException SessionExpired(string path, DateTimeOffset expired) =>
        Create(MSecureErrorCode.SessionExpired, MSecureErrorCategory.AuthenticationError,
            Format("The session token for the vault '{0}' expired at {1:u}. Unlock the vault with its password to issue a new one.", path, expired));

    /// <summary>An access key token is malformed, unknown to its source, or what it reads does not authenticate.</summary>
    public static MSecureException AccessKeyInvalid(string reason, Exception? innerException = null) =>
        Create(MSecureErrorCode.AccessKeyInvalid, MSecureErrorCategory.AuthenticationError,
            Format("The access key is not valid: {0}. Check MSECURE_ACCESS_KEY or the token given (it is never shown).", reason), innerException);

    /// <summary>The access key's expiry has passed.</summary>
    public static MSecureException AccessKeyExpired(DateTimeOffset? expired) =>
        Create(MSecureErrorCode.AccessKeyExpired, MSecureErrorCategory.PermissionDenied,
            expired is { } at
                ? Format("The access key expired at {0:u}. Ask the vault's owner for a new one (New-MSecureAccessKey).", at.ToUniversalTime())
                : "The access key has expired. Ask the vault's owner for a new one (New-MSecureAccessKey).");

    /// <summary>The access key was revoked (or its source no longer knows it).</summary>
    public static MSecureException AccessKeyRevoked() =>
        Create(MSecureErrorCode.AccessKeyRevoked, MSecureErrorCategory.PermissionDenied,
            "The access key was revoked: it reads nothing any more. Ask the vault's owner for a new one (New-MSecureAccessKey).");

    /// <summary>The vault has no access key of that name or id.</summary>
    public static MSecureException AccessKeyNotFound(string nameOrId) =>
        Create(MSecureErrorCode.AccessKeyNotFound, MSecureErrorCategory.ObjectNotFound,
            Format("The vault has no access key '{0}' (Get-MSecureAccessKey lists them).", nameOrId));

    /// <summary>No import format of that name, or none recognises the file (<paramref name="format"/> null: Auto sniffing).</summary>
    public static MSecureException ImportFormatUnknown(string? format) =>
        Create(MSecureErrorCode.ImportFormatUnknown, MSecureErrorCategory.InvalidArgument,
            format is null
                ? "The import file's format was not recognised. Name it with -Format (MSecureCsv, BitwardenJson, BitwardenCsv, OnePasswordCsv, OnePassword1Pux, KeePassXml, KeePassXcCsv)."
                : Format("There is no import format '{0}'.", format));

    /// <summary>An import file that cannot be read at all; <paramref name="reason"/> never holds a value from the file.</summary>
    public static MSecureException ImportFileInvalid(string path, string reason, Exception? innerException = null) =>
        Create(MSecureErrorCode.ImportFileInvalid, MSecureErrorCategory.InvalidData,
            Format("The import file '{0}' cannot be read: {1} Nothing was imported.", path, reason), innerException);

    /// <summary>Entries that could not be read or stored; <paramref name="problems"/> are "location: reason" lines without values.</summary>
    public static MSecureException ImportFailed(string path, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int Shown = 20;
        string list = string.Join(Environment.NewLine, problems.Take(Shown));
        string more = problems.Count > Shown ? Format("{0}(and {1} more)", Environment.NewLine, problems.Count - Shown) : string.Empty;
        return Create(MSecureErrorCode.ImportFailed, MSecureErrorCategory.InvalidData,
            Format("{0} entries of '{1}' cannot be imported; nothing was imported (use -WhatIf for the whole report):{2}{3}{4}",
                problems.Count, path, Environment.NewLine, list, more));
    }

    /// <summary>Not an MSecure backup, or an unknown version.</summary>
    public static MSecureException BackupInvalid(string path, string reason) =>
        Create(MSecureErrorCode.BackupInvalid, MSecureErrorCategory.InvalidData,
            Format("'{0}' is not an MSecure backup this version can read: {1}", path, reason));

    /// <summary>The backup's key check failed.</summary>
    public static MSecureException BackupKeyWrong(string path, bool sealedWithPassword) =>
        Create(MSecureErrorCode.BackupKeyWrong, MSecureErrorCategory.AuthenticationError,
            sealedWithPassword
                ? Format("The backup password does not open '{0}'.", path)
                : Format("'{0}' was sealed with another Account Key (another account's, or this account's before it was replaced): restore it with the emergency kit of that key and its password.", path));

    /// <summary>The backup failed authentication or ended early; nothing was restored.</summary>
    public static MSecureException BackupTampered(string path, string reason, Exception? innerException = null) =>
        Create(MSecureErrorCode.BackupTampered, MSecureErrorCategory.SecurityError,
            Format("The backup '{0}' was altered or truncated ({1}); nothing was restored.", path, reason), innerException);

    /// <summary>The record has no one-time password seed.</summary>
    public static MSecureException OneTimePasswordMissing(string recordName) =>
        Create(MSecureErrorCode.OneTimePasswordMissing, MSecureErrorCategory.ObjectNotFound,
            Format("The record '{0}' holds no one-time password seed (a OneTimePassword field with an otpauth:// URI or a Base32 secret).", DisplayText.Neutralize(recordName)!));

    /// <summary>The seed cannot be used; <paramref name="reason"/> never holds the seed.</summary>
    public static MSecureException OneTimePasswordInvalid(string recordName, string reason) =>
        Create(MSecureErrorCode.OneTimePasswordInvalid, MSecureErrorCategory.InvalidData,
            Format("The one-time password seed of '{0}' cannot be used: {1}", DisplayText.Neutralize(recordName)!, reason));
}
