using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MSecure.HelpBuilder;
using Xunit;

namespace MSecure.PowerShell.Tests.Help;

/// <summary>
/// Every cmdlet in MSecure.PowerShell.dll has help in docs/cmdlets that says what it does,
/// shows how, and describes each parameter as the code declares it.
/// </summary>
public sealed class HelpCoverageTests
{
    private static readonly IReadOnlyList<CmdletInfo> Cmdlets = CmdletMetadata.Read(RepositoryPaths.ModuleAssembly);
    private static readonly IReadOnlyDictionary<string, CommandHelp> Docs = CmdletDocs.ReadAll();

    public static TheoryData<string> CmdletNames() => new(Cmdlets.Select(c => c.Name));

    [Fact]
    public void TheModuleHasCmdlets()
    {
        Assert.Contains(Cmdlets, c => c.Name == "New-MSecureRandomPassword");
        Assert.Contains(Cmdlets, c => c.Name == "New-MSecureAccountKey");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlet_HasADoc_WithSynopsisDescriptionAndExamples(string name)
    {
        Assert.True(Docs.TryGetValue(name, out CommandHelp? help), $"docs/cmdlets/{name}.md is missing");
        Assert.Equal(name + ".md", Path.GetFileName(help!.SourceFile));
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), $"{name}: ## SYNOPSIS is empty");
        Assert.True(help.Description.Any(p => p.Length > 40), $"{name}: ## DESCRIPTION is missing or too short");
        Assert.NotEmpty(help.Examples);
        Assert.All(help.Examples, example =>
        {
            Assert.False(string.IsNullOrWhiteSpace(example.Code), $"{name}: {example.Title} has no code");
            Assert.Contains(name, example.Code, StringComparison.OrdinalIgnoreCase);
            Assert.NotEmpty(example.Remarks);
        });
        Assert.NotEmpty(help.Outputs);
        Assert.NotEmpty(help.Inputs);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryParameter_IsDocumented_AsDeclared(string name)
    {
        CmdletInfo cmdlet = Cmdlets.Single(c => c.Name == name);
        Assert.True(Docs.TryGetValue(name, out CommandHelp? help), $"docs/cmdlets/{name}.md is missing");

        foreach (IGrouping<string, ParameterInfo> declared in cmdlet.Parameters.GroupBy(p => p.Name))
        {
            ParameterHelp? documented = help!.Parameters.SingleOrDefault(p => p.Name.Equals(declared.Key, StringComparison.OrdinalIgnoreCase));
            Assert.True(documented is not null, $"{name}: parameter -{declared.Key} has no help");
            Assert.True(documented!.Description.Any(p => p.Length > 10), $"{name}: -{declared.Key} has no description");

            ParameterInfo first = declared.First();
            Assert.True(declared.All(p => p.Mandatory == documented.Required), $"{name}: -{declared.Key} Required should be {first.Mandatory}");
            string position = first.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";
            Assert.True(position == documented.Position, $"{name}: -{declared.Key} Position should be {position}, not {documented.Position}");
            bool byValue = declared.Any(p => p.FromPipeline);
            bool byName = declared.Any(p => p.FromPipelineByPropertyName);
            Assert.True(byValue == documented.PipelineInput.Contains("ByValue", StringComparison.Ordinal), $"{name}: -{declared.Key} pipeline input ByValue should be {byValue}");
            Assert.True(byName == documented.PipelineInput.Contains("ByPropertyName", StringComparison.Ordinal), $"{name}: -{declared.Key} pipeline input ByPropertyName should be {byName}");
            Assert.True(ShortTypeName(first.TypeName) == ShortTypeName(documented.Type), $"{name}: -{declared.Key} Type should be {ShortTypeName(first.TypeName)}, not {documented.Type}");

            string[] sets = declared.Select(p => p.ParameterSet).Distinct().Order(StringComparer.Ordinal).ToArray();
            string[] documentedSets = documented.ParameterSets.Contains("(All)") ? ["__AllParameterSets"] : documented.ParameterSets.Order(StringComparer.Ordinal).ToArray();
            Assert.True(sets.SequenceEqual(documentedSets), $"{name}: -{declared.Key} Parameter Sets should be {string.Join(", ", sets)}");
            Assert.True(first.Aliases.Order().SequenceEqual(documented.Aliases.Order()), $"{name}: -{declared.Key} Aliases should be {string.Join(", ", first.Aliases)}");
        }

        string[] shouldProcess = cmdlet.SupportsShouldProcess ? ["WhatIf", "Confirm"] : [];
        foreach (string risk in shouldProcess)
        {
            Assert.True(help!.Parameters.Any(p => p.Name == risk && p.Description.Count > 0), $"{name}: supports ShouldProcess, so -{risk} needs help");
        }

        string[] extra = help!.Parameters.Select(p => p.Name).Except(cmdlet.Parameters.Select(p => p.Name).Concat(shouldProcess), StringComparer.OrdinalIgnoreCase).ToArray();
        Assert.True(extra.Length == 0, $"{name}: documented parameters that do not exist: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Syntax_NamesEveryParameterSet(string name)
    {
        CmdletInfo cmdlet = Cmdlets.Single(c => c.Name == name);
        CommandHelp help = Docs[name];
        string[] sets = cmdlet.Parameters.Select(p => p.ParameterSet).Where(s => s != "__AllParameterSets").Distinct().Order(StringComparer.Ordinal).ToArray();

        string[] documented = help.Syntax.Select(s => s.Name).Where(s => s != "__AllParameterSets").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sets, documented);
        if (sets.Length > 1)
        {
            Assert.Equal(cmdlet.DefaultParameterSetName, help.Syntax.Single(s => s.IsDefault).Name);
        }

        Assert.All(help.Syntax, s => Assert.StartsWith(name, s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDoc_BelongsToACmdlet()
    {
        string[] orphans = Docs.Keys.Except(Cmdlets.Select(c => c.Name), StringComparer.OrdinalIgnoreCase).ToArray();

        Assert.True(orphans.Length == 0, "docs/cmdlets without a cmdlet: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Manifest_ExportsExactlyTheCmdlets()
    {
        string manifest = File.ReadAllText(RepositoryPaths.Manifest);
        Match list = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)");
        Assert.True(list.Success);
        string[] exported = Regex.Matches(list.Groups["list"].Value, "'([^']+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), exported);
    }

    [Fact]
    public void CmdletsThatChangeState_SupportShouldProcess_AndTheDangerousOnesAskFirst()
    {
        string[] changeVerbs = ["Set", "Remove", "Reset", "Lock", "Unlock", "Export", "Revoke"];
        foreach (CmdletInfo cmdlet in Cmdlets)
        {
            string verb = cmdlet.Name[..cmdlet.Name.IndexOf('-', StringComparison.Ordinal)];
            bool createsSomething = verb == "New" && !cmdlet.Name.Contains("Random", StringComparison.Ordinal) && !cmdlet.Name.Contains("AccountKey", StringComparison.Ordinal);
            if (changeVerbs.Contains(verb) || createsSomething)
            {
                Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.Name} changes state and must support -WhatIf/-Confirm");
            }

            if (verb is "Remove" or "Reset" or "Revoke" || cmdlet.Name == "Set-MSecurePassword")
            {
                Assert.True(cmdlet.ConfirmImpact == "High", $"{cmdlet.Name} must have ConfirmImpact High");
            }
        }
    }

    [Fact]
    public void EveryCmdlet_DeclaresItsOutputType()
    {
        Assert.All(Cmdlets, cmdlet => Assert.True(cmdlet.OutputTypes.Count > 0, $"{cmdlet.Name} has no [OutputType]"));
    }

    [Fact]
    public void HelpBuilder_WritesMaml_WithEveryCmdlet()
    {
        var document = MamlWriter.Write(Docs.Values);
        System.Xml.Linq.XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        var names = document.Descendants(command + "name").Where(n => n.Parent!.Name == command + "details").Select(n => n.Value).ToArray();
        Assert.Equal(Docs.Keys.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.All(document.Descendants(command + "command"), c =>
        {
            Assert.NotEmpty(c.Descendants(command + "example"));
            Assert.NotEmpty(c.Descendants(command + "syntaxItem"));
        });
    }

    private static string ShortTypeName(string typeName)
    {
        string name = typeName.StartsWith('[') ? typeName[(typeName.IndexOf(']', StringComparison.Ordinal) + 1)..] : typeName;
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
