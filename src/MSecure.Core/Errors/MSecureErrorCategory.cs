namespace MSecure.Core.Errors;

/// <summary>
/// The kind of failure, mirroring the PowerShell ErrorCategory values the module maps to,
/// so the core stays free of any PowerShell dependency.
/// </summary>
public enum MSecureErrorCategory
{
    /// <summary>A caller supplied a bad argument.</summary>
    InvalidArgument,

    /// <summary>Stored or received data is malformed, corrupted or tampered with.</summary>
    InvalidData,

    /// <summary>A secret (password, key) did not authenticate.</summary>
    AuthenticationError,

    /// <summary>Data uses a format version this build does not understand.</summary>
    NotImplemented,

    /// <summary>Something the operation needs is missing or busy.</summary>
    ResourceUnavailable,

    /// <summary>The object is not in a state that allows the operation (for example, locked).</summary>
    InvalidOperation,

    /// <summary>A remote server could not be reached or did not answer in time.</summary>
    ConnectionError,

    /// <summary>A remote server's identity could not be proven (certificate).</summary>
    SecurityError,

    /// <summary>The server refused the operation for this caller (revoked device, closed registration).</summary>
    PermissionDenied,

    /// <summary>A limit was exceeded (rate limiting).</summary>
    LimitsExceeded,

    /// <summary>The named object does not exist.</summary>
    ObjectNotFound,

    /// <summary>The object to create exists already.</summary>
    ResourceExists,
}
