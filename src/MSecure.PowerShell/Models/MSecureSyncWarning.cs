namespace MSecure.PowerShell.Models;

/// <summary>A folder file a sync ignored (a partial copy, a tampered file, another account's, a conflicted copy), and why.</summary>
public sealed class MSecureSyncWarning
{
    internal MSecureSyncWarning(string file, string reason)
    {
        File = file;
        Reason = reason;
    }

    /// <summary>The file's full path.</summary>
    public string File { get; }

    /// <summary>Why it was ignored.</summary>
    public string Reason { get; }

    /// <summary>The file and the reason.</summary>
    public override string ToString() => Formatting.TerminalText.Of(File) + ": " + Formatting.TerminalText.Of(Reason);
}
