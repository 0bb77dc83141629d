using MSecure.Core.Access;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Access;

/// <summary>The module's view of an access key.</summary>
internal static class AccessKeyOutput
{
    internal static MSecureAccessKey From(AccessKeyInfo info, string vaultPath, object? token = null) =>
        new(info.Id, info.Name, info.Tag, info.Created, info.Expires, info.OnServer, vaultPath, token);
}
