using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace MSecure.HelpBuilder;

/// <summary>Writes cmdlet help as MAML (the format of <c>&lt;Assembly&gt;.dll-Help.xml</c> that Get-Help reads).</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    /// <summary>The MAML document of <paramref name="commands"/>, in name order.</summary>
    public static XDocument Write(IEnumerable<CommandHelp> commands)
    {
        var root = new XElement(Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp));
        foreach (CommandHelp help in commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            root.Add(CommandElement(help));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement CommandElement(CommandHelp help)
    {
        int dash = help.Name.IndexOf('-', StringComparison.Ordinal);
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", dash > 0 ? help.Name[..dash] : help.Name),
                new XElement(Command + "noun", dash > 0 ? help.Name[(dash + 1)..] : string.Empty),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Maml + "relatedLinks", help.RelatedLinks.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", link.Uri)))));
    }

    private static XElement SyntaxItem(CommandHelp help, SyntaxSet set)
    {
        IEnumerable<ParameterHelp> parameters = help.Parameters
            .Where(p => p.IsIn(set.Name))
            .OrderBy(p => int.TryParse(p.Position, NumberStyles.None, CultureInfo.InvariantCulture, out int position) ? position : int.MaxValue)
            .ThenBy(p => p.Required ? 0 : 1);
        return new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            parameters.Select(p => Parameter(p, inSyntax: true)));
    }

    private static XElement Parameter(ParameterHelp parameter, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", Lower(parameter.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(parameter.Globbing)),
            new XAttribute("pipelineInput", parameter.PipelineInput),
            new XAttribute("position", parameter.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : parameter.Position),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description));
        if (parameter.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(Command + "parameterValueGroup", parameter.AcceptedValues.Select(value =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), value))));
        }

        if (!(inSyntax && parameter.IsSwitch))
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", Lower(!parameter.IsSwitch)),
                new XAttribute("variableLength", "false"),
                parameter.Type));
        }

        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.DefaultValue.Length == 0 ? "None" : parameter.DefaultValue));
        return element;
    }

    private static XElement TypeElement(string name, TypeHelp type) =>
        new(Command + name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(type.Description));

    private static XElement Example(ExampleHelp example, int index)
    {
        string title = example.Title.StartsWith("Example", StringComparison.OrdinalIgnoreCase)
            ? example.Title
            : string.Format(CultureInfo.InvariantCulture, "Example {0}: {1}", index + 1, example.Title);
        return new XElement(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {title} --------------------------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));
    }

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Where(p => p.Length > 0).Select(p => new XElement(Maml + "para", p));

    private static string Lower(bool value) => value ? "true" : "false";
}
