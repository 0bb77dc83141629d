using System;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.Server.Security;

/// <summary>The lookup form of an email, and the short reference logs use instead of the email.</summary>
internal static class EmailKeys
{
    /// <summary>The email as looked up and kept unique: trimmed, lower case (invariant).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The first 12 hex digits of a labelled SHA-256 of the normalized email: enough to correlate log lines, not to read.</summary>
    public static string LogReference(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("msecure-server/log-email/" + Normalize(email))), 0, 6);
}
