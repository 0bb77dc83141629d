using System.CommandLine;

namespace MSecure.Cli.Infrastructure;

/// <summary>The options every command takes (recursive options of the root command).</summary>
internal static class GlobalOptions
{
    /// <summary>The environment variable naming the vault when --vault is not given.</summary>
    internal const string VaultVariable = "MSECURE_VAULT";

    /// <summary>The environment variable read for the password when no other source is given.</summary>
    internal const string DefaultPasswordVariable = "MSECURE_PASSWORD";

    internal static readonly Option<string?> Vault = new("--vault")
    {
        Description = $"The vault: a name in the per-user vault folder, or a path to a .msecure file (default: ${VaultVariable}, else 'default')",
        Recursive = true,
    };

    internal static readonly Option<bool> Json = new("--json")
    {
        Description = "Write results (and errors, to standard error) as JSON; the shapes are documented in docs/cli.md",
        Recursive = true,
    };

    internal static readonly Option<string?> MaskFor = CreateMaskFor();

    internal static readonly Option<bool> PasswordStdin = new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input",
        Recursive = true,
    };

    internal static readonly Option<string?> PasswordEnv = new("--password-env")
    {
        Description = $"Read the password from this environment variable (default: {DefaultPasswordVariable}, when set)",
        HelpName = "NAME",
        Recursive = true,
    };

    internal static readonly Option<string?> PasswordFile = new("--password-file")
    {
        Description = "Read the password from the first line of this file",
        HelpName = "PATH",
        Recursive = true,
    };

    internal static Option[] All => [Vault, Json, MaskFor, PasswordStdin, PasswordEnv, PasswordFile];

    private static Option<string?> CreateMaskFor()
    {
        Option<string?> option = new("--mask-for")
        {
            Description = "Register each secret value with the CI log masking before it is printed or used: github-actions, azure-pipelines or none (default: detected from GITHUB_ACTIONS / TF_BUILD)",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(MaskTargets.GitHubActions, MaskTargets.AzurePipelines, MaskTargets.None);
        return option;
    }
}
