using System.Collections.Generic;
using System.IO;

namespace MSecure.SecretBench;

/// <summary>
/// The commands a fresh pwsh runs to read login "x"'s password (printed, so the bench can check it):
/// through Get-MSecureRecord, through MSecure.Extension's Get-Secret called directly, and, when the
/// modules are given, through the real SecretManagement Get-Secret on a vault registered in a
/// throw-away HOME. Each with the KDF (Unlock-MSecureVault -PasswordVariable / Unlock-SecretVault)
/// and with a session token in MSECURE_SESSION instead of any unlock.
/// </summary>
internal sealed class FreshVariants(string moduleManifest, string vault, string name, string expected, string token)
{
    private const string PasswordVariable = "MSECURE_BENCH_PASSWORD";

    public FreshVariant Bare { get; } = new("bare", "1", "1", null);

    /// <summary>Only Import-Module: where the overhead of the others starts.</summary>
    public FreshVariant ImportOnly => new("import-only", Import, string.Empty, null);

    public IEnumerable<FreshVariant> Reads(string? secretManagementManifest, string home)
    {
        string unlock = $"Unlock-MSecureVault -Vault {Pwsh.Quote(vault)} -PasswordVariable {PasswordVariable}";
        string cmdlet = $"Get-MSecureRecord -Vault {Pwsh.Quote(vault)} -Name {Pwsh.Quote(name)} -Field Password -AsPlainText";
        string extension = $"(& (Get-Module MSecure) 'MSecure.Extension\\Get-Secret' -Name {Pwsh.Quote(name)} -VaultName bench -AdditionalParameters @{{ Path = {Pwsh.Quote(vault)} }}).GetNetworkCredential().Password";
        var session = new Dictionary<string, string?> { ["MSECURE_SESSION"] = token };

        yield return new("cmdlet-kdf", $"{Import}; {unlock}; {cmdlet}", expected, null);
        yield return new("cmdlet-token", $"{Import}; {cmdlet}", expected, session);
        yield return new("extension-kdf", $"{Import}; {unlock}; {extension}", expected, null);
        yield return new("extension-token", $"{Import}; {extension}", expected, session);
        if (secretManagementManifest is not null)
        {
            // Register-SecretVault stores the registration under HOME; the fresh process loads MSecure through it.
            var registered = new Dictionary<string, string?> { ["HOME"] = home };
            string importSecretManagement = $"Import-Module {Pwsh.Quote(secretManagementManifest)}";
            string read = $"(Get-Secret -Vault bench -Name {Pwsh.Quote(name)}).GetNetworkCredential().Password";
            string unlockVault = $"Unlock-SecretVault -Name bench -Password (ConvertTo-SecureString $env:{PasswordVariable} -AsPlainText -Force)";
            yield return new("secretmanagement-kdf", $"{importSecretManagement}; {unlockVault}; {read}", expected, registered);
            yield return new("secretmanagement-token", $"{importSecretManagement}; {read}", expected, new Dictionary<string, string?>(registered) { ["MSECURE_SESSION"] = token });
        }
    }

    /// <summary>The untimed registration the SecretManagement variants read through (HOME = <paramref name="home"/>).</summary>
    public string Register(string secretManagementManifest) =>
        $"Import-Module {Pwsh.Quote(secretManagementManifest)}; Register-SecretVault -Name bench -ModuleName {Pwsh.Quote(Path.GetDirectoryName(moduleManifest)!)} -VaultParameters @{{ Path = {Pwsh.Quote(vault)} }}";

    private string Import => $"Import-Module {Pwsh.Quote(moduleManifest)}";
}
