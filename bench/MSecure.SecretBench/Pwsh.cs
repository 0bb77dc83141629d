using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MSecure.SecretBench;

/// <summary>
/// The repository's pwsh (the PowerShell dotnet tool of .config/dotnet-tools.json), started
/// without the dotnet-tool shim: `dotnet pwsh` first starts the dotnet CLI, which resolves the tool
/// manifest and then runs a shim that runs pwsh, costing hundreds of milliseconds that a user with
/// an installed pwsh never pays. The bench asks `dotnet pwsh` once for $PSHOME and then starts
/// $PSHOME/pwsh (the apphost) directly; the shim's cost is measured and printed beside.
/// </summary>
internal sealed class Pwsh
{
    private Pwsh(string executable, string repositoryRoot)
    {
        Executable = executable;
        RepositoryRoot = repositoryRoot;
    }

    /// <summary>$PSHOME/pwsh of the repository's tool.</summary>
    public string Executable { get; }

    public string RepositoryRoot { get; }

    public static Pwsh Locate(string repositoryRoot)
    {
        ChildResult home = ChildProcess.RunChecked("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME"], workingDirectory: repositoryRoot);
        string executable = Path.Combine(home.Output.Trim(), "pwsh");
        if (!System.IO.File.Exists(executable))
        {
            throw new InvalidOperationException($"pwsh is not at {executable}; run `dotnet tool restore` in {repositoryRoot}.");
        }

        return new Pwsh(executable, repositoryRoot);
    }

    /// <summary>pwsh -NoProfile -NonInteractive -Command <paramref name="command"/>.</summary>
    public ChildResult Command(string command, IReadOnlyDictionary<string, string?>? environment = null) =>
        ChildProcess.Run(Executable, ["-NoProfile", "-NonInteractive", "-Command", command], environment, workingDirectory: RepositoryRoot);

    /// <summary>`dotnet pwsh -NoProfile -NonInteractive -Command <paramref name="command"/>`, through the tool shim, from the repository root.</summary>
    public ChildResult ThroughShim(string command) =>
        ChildProcess.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", command], workingDirectory: RepositoryRoot);

    /// <summary>pwsh -NoProfile -NonInteractive -File <paramref name="script"/> <paramref name="arguments"/>; throws unless it exits with 0.</summary>
    public ChildResult RunFile(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        ChildProcess.RunChecked(Executable, new[] { "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments), environment, workingDirectory: RepositoryRoot);

    /// <summary>A single-quoted PowerShell string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
