using System;

namespace MSecure.Core.Access;

/// <summary>
/// A read-only access key as the vault lists it: never its token or secret.
/// </summary>
/// <param name="Id">The key id (also in the token).</param>
/// <param name="Name">The name given at creation (unique in the vault).</param>
/// <param name="Tag">The tag whose records the key reads.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Expires">When it stops working, or null for never.</param>
/// <param name="OnServer">Whether it was registered with the vault's account server (its token then reads through the server).</param>
public sealed record AccessKeyInfo(Guid Id, string Name, string Tag, DateTimeOffset Created, DateTimeOffset? Expires, bool OnServer);
