using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MSecure.HelpBuilder;

/// <summary>
/// Reads cmdlet help in the PlatyPS markdown schema (2.0.0): front matter, "# Name", then
/// ## SYNOPSIS, SYNTAX (### set, code block), DESCRIPTION, EXAMPLES (### Example N, code block,
/// remarks), PARAMETERS (### -Name, description, yaml block; ### CommonParameters ignored),
/// INPUTS and OUTPUTS (### type, description), NOTES, RELATED LINKS ([text](uri) lines).
/// </summary>
public static partial class PlatyPsMarkdown
{
    /// <summary>Reads one file's text.</summary>
    /// <exception cref="FormatException">The text does not follow the schema; the message names the file and line.</exception>
    public static CommandHelp Read(string markdown, string sourceFile)
    {
        var help = new CommandHelp { SourceFile = sourceFile };
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            i = 1;
            while (i < lines.Length && lines[i].Trim() != "---")
            {
                i++;
            }

            i++;
        }

        string section = string.Empty;
        string subsection = string.Empty;
        var paragraph = new StringBuilder();
        var paragraphs = new List<string>();
        ParameterHelp? parameter = null;
        string? exampleCode = null;

        void FlushParagraph()
        {
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph.ToString().Trim());
                paragraph.Clear();
            }
        }

        void FlushBlock()
        {
            FlushParagraph();
            switch (section)
            {
                case "SYNOPSIS":
                    help.Synopsis = string.Join(" ", paragraphs);
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(paragraphs);
                    break;
                case "NOTES":
                    help.Notes.AddRange(paragraphs);
                    break;
                case "EXAMPLES" when subsection.Length > 0:
                    help.Examples.Add(new ExampleHelp(subsection, exampleCode ?? string.Empty, paragraphs.ToArray()));
                    break;
                case "PARAMETERS" when parameter is not null:
                    parameter.Description.AddRange(paragraphs);
                    help.Parameters.Add(parameter);
                    break;
                case "INPUTS" when subsection.Length > 0:
                    help.Inputs.Add(new TypeHelp(subsection, paragraphs.ToArray()));
                    break;
                case "OUTPUTS" when subsection.Length > 0:
                    help.Outputs.Add(new TypeHelp(subsection, paragraphs.ToArray()));
                    break;
                default:
                    break;
            }

            paragraphs.Clear();
            parameter = null;
            exampleCode = null;
        }

        for (; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                string language = trimmed[3..].Trim();
                int start = i + 1;
                int end = start;
                while (end < lines.Length && !lines[end].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    end++;
                }

                if (end >= lines.Length)
                {
                    throw Error(sourceFile, i, "a code block is not closed");
                }

                string code = string.Join("\n", lines[start..end]).Trim('\n');
                i = end;
                FlushParagraph();
                OnCodeBlock(help, sourceFile, i, section, subsection, language, code, parameter, ref exampleCode);
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                help.Name = trimmed[2..].Trim();
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                FlushBlock();
                section = trimmed[3..].Trim().ToUpperInvariant();
                subsection = string.Empty;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                FlushBlock();
                subsection = trimmed[4..].Trim();
                if (section == "PARAMETERS" && subsection.StartsWith('-'))
                {
                    parameter = new ParameterHelp { Name = subsection[1..] };
                }

                continue;
            }

            if (section == "RELATED LINKS")
            {
                Match link = LinkPattern().Match(trimmed);
                if (link.Success)
                {
                    string uri = link.Groups["uri"].Value.Trim();
                    help.RelatedLinks.Add(new LinkHelp(link.Groups["text"].Value.Trim(),
                        Uri.TryCreate(uri, UriKind.Absolute, out Uri? absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? uri : string.Empty));
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                FlushParagraph();
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                FlushParagraph();
                paragraph.Append(trimmed);
            }
            else
            {
                paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(trimmed);
            }
        }

        FlushBlock();
        if (help.Name.Length == 0)
        {
            throw Error(sourceFile, 0, "there is no '# <Cmdlet-Name>' heading");
        }

        return help;
    }

    private static void OnCodeBlock(CommandHelp help, string sourceFile, int line, string section, string subsection, string language, string code, ParameterHelp? parameter, ref string? exampleCode)
    {
        switch (section)
        {
            case "SYNTAX":
                bool isDefault = subsection.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                string name = subsection.Length == 0 ? "__AllParameterSets" : subsection.Replace("(Default)", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
                if (name == "__AllParameterSets" && subsection.Length > 0)
                {
                    isDefault = true;
                }

                help.Syntax.Add(new SyntaxSet(name, isDefault, code.Trim()));
                break;
            case "EXAMPLES":
                exampleCode = exampleCode is null ? code : exampleCode + "\n" + code;
                break;
            case "PARAMETERS" when parameter is not null && language.Equals("yaml", StringComparison.OrdinalIgnoreCase):
                ReadYaml(parameter, code, sourceFile, line);
                break;
            default:
                break;
        }
    }

    private static void ReadYaml(ParameterHelp parameter, string yaml, string sourceFile, int line)
    {
        foreach (string raw in yaml.Split('\n'))
        {
            int colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string key = raw[..colon].Trim();
            string value = raw[(colon + 1)..].Trim();
            switch (key)
            {
                case "Type":
                    parameter.Type = value;
                    break;
                case "Parameter Sets":
                    parameter.ParameterSets.AddRange(SplitList(value));
                    break;
                case "Aliases":
                    parameter.Aliases.AddRange(SplitList(value));
                    break;
                case "Accepted values":
                    parameter.AcceptedValues.AddRange(SplitList(value));
                    break;
                case "Required":
                    parameter.Required = ParseBool(value, sourceFile, line, key);
                    break;
                case "Position":
                    parameter.Position = value.Length == 0 ? "Named" : value;
                    break;
                case "Default value":
                    parameter.DefaultValue = value;
                    break;
                case "Accept pipeline input":
                    parameter.PipelineInput = value.Length == 0 ? "False" : value;
                    break;
                case "Accept wildcard characters":
                    parameter.Globbing = ParseBool(value, sourceFile, line, key);
                    break;
                default:
                    break;
            }
        }

        if (parameter.Type.Length == 0)
        {
            throw Error(sourceFile, line, string.Format(CultureInfo.InvariantCulture, "parameter -{0} has no 'Type:' in its yaml block", parameter.Name));
        }
    }

    private static bool ParseBool(string value, string sourceFile, int line, string key) =>
        value.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
        : value.Equals("False", StringComparison.OrdinalIgnoreCase) || value.Length == 0 ? false
        : throw Error(sourceFile, line, $"'{key}: {value}' is neither True nor False");

    private static IEnumerable<string> SplitList(string value)
    {
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return item;
        }
    }

    private static FormatException Error(string sourceFile, int line, string message) =>
        new(string.Format(CultureInfo.InvariantCulture, "{0}({1}): {2}", sourceFile, line + 1, message));

    [GeneratedRegex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)")]
    private static partial Regex LinkPattern();
}
