using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using MSecure.Core.Masking;
using MSecure.Core.Vault;

namespace MSecure.Cli.Infrastructure;

/// <summary>One invocation's options, output, standard input and open vaults.</summary>
internal sealed class CliContext : IDisposable
{
    internal CliContext(ParseResult parsed)
    {
        Parsed = parsed;
        Json = parsed.GetValue(GlobalOptions.Json);
        Mask = new SecretLogMask(LogMaskDetection.Resolve(MaskTargets.Parse(parsed.GetValue(GlobalOptions.MaskFor))), Out);
        StandardInput = new SecretInput(Console.OpenStandardInput);
        Password = new PasswordSource(parsed.GetValue(GlobalOptions.PasswordStdin), parsed.GetValue(GlobalOptions.PasswordFile),
            parsed.GetValue(GlobalOptions.PasswordEnv), GlobalOptions.DefaultPasswordVariable, "password");
        Vaults = new VaultAccess(this);
    }

    internal ParseResult Parsed { get; }

    /// <summary>--json.</summary>
    internal bool Json { get; }

    /// <summary>The CI log masking in force (--mask-for, else detected); registers each secret before it is written.</summary>
    internal SecretLogMask Mask { get; }

    /// <summary>Standard output.</summary>
    internal static TextWriter Out => Console.Out;

    /// <summary>Standard input, read once, as secrets.</summary>
    internal SecretInput StandardInput { get; }

    /// <summary>Where the vault password comes from.</summary>
    internal PasswordSource Password { get; }

    /// <summary>The vaults this invocation opened (closed on dispose).</summary>
    internal VaultAccess Vaults { get; }

    /// <summary>The full path of the vault the global --vault option (else MSECURE_VAULT, else 'default') names.</summary>
    internal string VaultPath => VaultPaths.Resolve(Parsed.GetValue(GlobalOptions.Vault) ?? NullIfEmpty(Environment.GetEnvironmentVariable(GlobalOptions.VaultVariable)));

    /// <summary>Writes <paramref name="value"/> as one line of JSON to standard output.</summary>
    internal static void WriteJson<T>(T value, JsonTypeInfo<T> type)
    {
        Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, type));
    }

    /// <summary>Registers <paramref name="secret"/> with the CI log masking (when in force) and writes it.</summary>
    internal void WriteSecretLine(string secret, bool newline = true)
    {
        Mask.Mask(secret);
        if (newline)
        {
            Out.WriteLine(secret);
        }
        else
        {
            Out.Write(secret);
        }
    }

    public void Dispose()
    {
        Vaults.Dispose();
        StandardInput.Dispose();
        Out.Flush();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
