namespace MSecure.Core.Accounts;

/// <summary>The steps of an enrollment, for progress reports.</summary>
public enum EnrollmentStage
{
    /// <summary>Deriving the unlock key from the password to open the kit (the slow step).</summary>
    OpeningKit,

    /// <summary>Signing in to the account server with the key derived from the Account Key.</summary>
    SigningIn,

    /// <summary>Downloading and checking the account's verifier.</summary>
    VerifyingAccount,

    /// <summary>Creating the local vault.</summary>
    CreatingVault,

    /// <summary>Pulling the account's records into the new vault.</summary>
    Syncing,
}
