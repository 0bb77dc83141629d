using System.Collections.Generic;
using MSecure.Core.Vault;

namespace MSecure.SecretBench;

/// <summary>The fresh-process variant that opens the vault with a session token (MSECURE_SESSION) instead of the KDF.</summary>
internal static class SessionVariants
{
    public static IEnumerable<FreshVariant> For(string vault, VaultSession session, string moduleManifest, string name, string expected)
    {
        _ = (vault, session, moduleManifest, name, expected);
        Report.Note("fresh-pwsh variant=token: SKIPPED: this build has no session hand-off (MSECURE_SESSION) yet.");
        return [];
    }
}
