using System.Collections.Generic;

namespace MSecure.HelpBuilder;

/// <summary>The help of one cmdlet, as read from its PlatyPS markdown file.</summary>
public sealed class CommandHelp
{
    /// <summary>The cmdlet name, from the level-1 heading.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The file it was read from.</summary>
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>## SYNOPSIS.</summary>
    public string Synopsis { get; set; } = string.Empty;

    /// <summary>## DESCRIPTION, as paragraphs.</summary>
    public List<string> Description { get; } = new();

    /// <summary>## SYNTAX: one entry per parameter set.</summary>
    public List<SyntaxSet> Syntax { get; } = new();

    /// <summary>## EXAMPLES.</summary>
    public List<ExampleHelp> Examples { get; } = new();

    /// <summary>## PARAMETERS, without CommonParameters.</summary>
    public List<ParameterHelp> Parameters { get; } = new();

    /// <summary>## INPUTS.</summary>
    public List<TypeHelp> Inputs { get; } = new();

    /// <summary>## OUTPUTS.</summary>
    public List<TypeHelp> Outputs { get; } = new();

    /// <summary>## NOTES, as paragraphs.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>## RELATED LINKS.</summary>
    public List<LinkHelp> RelatedLinks { get; } = new();
}

/// <summary>A parameter set under ## SYNTAX.</summary>
/// <param name="Name">The set's name, or "__AllParameterSets".</param>
/// <param name="IsDefault">Marked "(Default)".</param>
/// <param name="Text">The syntax line.</param>
public sealed record SyntaxSet(string Name, bool IsDefault, string Text);

/// <summary>An example.</summary>
/// <param name="Title">The heading, for example "Example 1: Generate a password".</param>
/// <param name="Code">The code block.</param>
/// <param name="Remarks">The paragraphs after the code.</param>
public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A type under ## INPUTS or ## OUTPUTS.</summary>
/// <param name="TypeName">The heading.</param>
/// <param name="Description">The paragraphs.</param>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

/// <summary>A related link.</summary>
/// <param name="Text">The link text.</param>
/// <param name="Uri">An absolute URI, or empty for a link to another cmdlet's help.</param>
public sealed record LinkHelp(string Text, string Uri);

/// <summary>A parameter under ## PARAMETERS.</summary>
public sealed class ParameterHelp
{
    /// <summary>The name without the dash.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The paragraphs before the yaml block.</summary>
    public List<string> Description { get; } = new();

    /// <summary>Type.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Parameter Sets: the names, or "(All)".</summary>
    public List<string> ParameterSets { get; } = new();

    /// <summary>Aliases.</summary>
    public List<string> Aliases { get; } = new();

    /// <summary>Required.</summary>
    public bool Required { get; set; }

    /// <summary>Position: "Named" or a number.</summary>
    public string Position { get; set; } = "Named";

    /// <summary>Default value.</summary>
    public string DefaultValue { get; set; } = string.Empty;

    /// <summary>Accept pipeline input, for example "True (ByPropertyName)".</summary>
    public string PipelineInput { get; set; } = "False";

    /// <summary>Accept wildcard characters.</summary>
    public bool Globbing { get; set; }

    /// <summary>Accepted values, if listed.</summary>
    public List<string> AcceptedValues { get; } = new();

    /// <summary>Whether the parameter is in <paramref name="parameterSet"/>.</summary>
    public bool IsIn(string parameterSet) =>
        ParameterSets.Count == 0 || ParameterSets.Contains("(All)") || ParameterSets.Contains(parameterSet);

    /// <summary>Whether the type is a switch.</summary>
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
}
