using System;
using System.Net;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>The rule for an account server's address: https anywhere, plain http only on a loopback address.</summary>
public static class ServerAddress
{
    /// <summary><paramref name="server"/> as a base address (path ending in '/', no query or fragment).</summary>
    /// <exception cref="MSecureException">InvalidArgument for a relative address, another scheme, credentials, a query, or http off loopback.</exception>
    public static Uri Normalize(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!server.IsAbsoluteUri || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw MSecureErrors.InvalidArgument("Server", "it must be an absolute https:// address of an MSecure account server.");
        }

        if (server.Scheme == Uri.UriSchemeHttp && !IsLoopback(server))
        {
            throw MSecureErrors.InvalidArgument("Server", "plain http:// is accepted only for a development server on a loopback address; use https://.");
        }

        if (server.UserInfo.Length > 0 || server.Query.Length > 0 || server.Fragment.Length > 0)
        {
            throw MSecureErrors.InvalidArgument("Server", "it must not hold a user name, a query or a fragment.");
        }

        string path = server.AbsolutePath.EndsWith('/') ? server.AbsolutePath : server.AbsolutePath + "/";
        return new UriBuilder(server.Scheme, server.IdnHost, server.Port, path).Uri;
    }

    private static bool IsLoopback(Uri server) =>
        server.IsLoopback || (IPAddress.TryParse(server.IdnHost, out IPAddress? address) && IPAddress.IsLoopback(address));
}
