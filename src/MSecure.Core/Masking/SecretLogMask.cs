using System;
using System.IO;

namespace MSecure.Core.Masking;

/// <summary>
/// Registers secret values with the CI system's log masking before they are used: one command
/// per non-blank line of the value (both systems match masks line by line, so a multi-line value
/// registered whole would leave its lines visible). The command is written to the process's
/// standard output, which is what the CI runner reads; nothing is written for <see cref="LogMaskTarget.None"/>.
/// </summary>
public sealed class SecretLogMask
{
    private readonly TextWriter _output;
    private readonly object _gate = new();

    /// <summary>Creates a mask writing to <paramref name="output"/> (the process's standard output in use).</summary>
    public SecretLogMask(LogMaskTarget target, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Target = target;
        _output = output;
    }

    /// <summary>The CI system masked for.</summary>
    public LogMaskTarget Target { get; }

    /// <summary>Whether <see cref="Mask"/> writes anything.</summary>
    public bool IsActive => Target != LogMaskTarget.None;

    /// <summary>A mask for <paramref name="requested"/> (or the detected CI system) writing to <see cref="Console.Out"/>.</summary>
    public static SecretLogMask ForProcess(LogMaskTarget? requested) => new(LogMaskDetection.Resolve(requested), Console.Out);

    /// <summary>Registers every non-blank line of <paramref name="secret"/>, and flushes, so the runner has it before the value is used.</summary>
    public void Mask(ReadOnlySpan<char> secret)
    {
        if (!IsActive || secret.IsWhiteSpace())
        {
            return;
        }

        lock (_gate)
        {
            ReadOnlySpan<char> rest = secret;
            while (!rest.IsEmpty)
            {
                int end = rest.IndexOfAny('\r', '\n');
                ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
                if (!line.IsWhiteSpace())
                {
                    WriteCommand(line);
                }

                rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
            }

            _output.Flush();
        }
    }

    private void WriteCommand(ReadOnlySpan<char> line)
    {
        if (Target == LogMaskTarget.GitHubActions)
        {
            _output.Write("::add-mask::");
            WriteEscaped(line, "%25");
        }
        else
        {
            _output.Write("##vso[task.setsecret]");
            WriteEscaped(line, "%AZP25");
        }

        _output.WriteLine();
    }

    /// <summary>
    /// Writes <paramref name="line"/> with '%' escaped the way the runner unescapes command data
    /// (GitHub: %25; Azure Pipelines: %AZP25), so a value holding "%0A" is masked as written.
    /// </summary>
    private void WriteEscaped(ReadOnlySpan<char> line, string percent)
    {
        int start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '%')
            {
                _output.Write(line[start..i]);
                _output.Write(percent);
                start = i + 1;
            }
        }

        _output.Write(line[start..]);
    }
}
