using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MSecure.PowerShell.Tests.Help;

/// <summary>A cmdlet as declared in an assembly's metadata.</summary>
internal sealed record CmdletInfo(string Name, string TypeName, string? DefaultParameterSetName, bool SupportsShouldProcess, string? ConfirmImpact, IReadOnlyList<ParameterInfo> Parameters, IReadOnlyList<string> OutputTypes);

/// <summary>One [Parameter] attribute of a cmdlet property (a property may carry several, one per set).</summary>
internal sealed record ParameterInfo(string Name, string TypeName, string ParameterSet, bool Mandatory, int? Position, bool FromPipeline, bool FromPipelineByPropertyName, IReadOnlyList<string> Aliases)
{
    /// <summary>The values of the property's [ValidateSet], or null when it has none.</summary>
    public IReadOnlyList<string>? ValidValues { get; init; }

    /// <summary>The type of the property's [ArgumentCompleter], or null when it has none.</summary>
    public string? Completer { get; init; }
}

/// <summary>
/// Reads cmdlets and their parameters from an assembly with System.Reflection.Metadata, without
/// loading it: MSecure.PowerShell.dll is compiled against the PowerShellStandard reference
/// assembly, which cannot be loaded to run.
/// </summary>
internal static class CmdletMetadata
{
    private const string Sma = "System.Management.Automation";

    public static IReadOnlyList<CmdletInfo> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var provider = new TypeNameProvider();
        var cmdlets = new List<CmdletInfo>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            CustomAttributeValue<string>? cmdlet = FindAttribute(reader, type.GetCustomAttributes(), "CmdletAttribute", provider);
            if (cmdlet is not { } attribute)
            {
                continue;
            }

            string name = $"{attribute.FixedArguments[0].Value}-{attribute.FixedArguments[1].Value}";
            var parameters = new List<ParameterInfo>();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (PropertyDefinition property in PropertiesWithInherited(reader, type))
            {
                string propertyName = reader.GetString(property.Name);
                if (!declared.Add(propertyName))
                {
                    continue;
                }

                string propertyType = property.DecodeSignature(provider, genericContext: null).ReturnType;
                var aliases = FindAttribute(reader, property.GetCustomAttributes(), "AliasAttribute", provider) is { } alias
                    ? ((ImmutableArray<CustomAttributeTypedArgument<string>>)alias.FixedArguments[0].Value!).Select(a => (string)a.Value!).ToArray()
                    : Array.Empty<string>();
                string[]? validValues = FindAttribute(reader, property.GetCustomAttributes(), "ValidateSetAttribute", provider) is { } validateSet
                    ? ((ImmutableArray<CustomAttributeTypedArgument<string>>)validateSet.FixedArguments[0].Value!).Select(a => (string)a.Value!).ToArray()
                    : null;
                string? completer = FindAttribute(reader, property.GetCustomAttributes(), "ArgumentCompleterAttribute", provider) is { } argumentCompleter
                    ? argumentCompleter.FixedArguments[0].Value as string
                    : null;
                foreach (CustomAttributeValue<string> parameter in FindAttributes(reader, property.GetCustomAttributes(), "ParameterAttribute", provider))
                {
                    int position = Named<int?>(parameter, "Position") ?? int.MinValue;
                    parameters.Add(new ParameterInfo(
                        propertyName,
                        propertyType,
                        Named<string>(parameter, "ParameterSetName") ?? "__AllParameterSets",
                        Named<bool?>(parameter, "Mandatory") ?? false,
                        position == int.MinValue ? null : position,
                        Named<bool?>(parameter, "ValueFromPipeline") ?? false,
                        Named<bool?>(parameter, "ValueFromPipelineByPropertyName") ?? false,
                        aliases) { ValidValues = validValues, Completer = completer });
                }
            }

            var outputTypes = FindAttributes(reader, type.GetCustomAttributes(), "OutputTypeAttribute", provider)
                .SelectMany(a => a.FixedArguments.SelectMany(arg => arg.Value is ImmutableArray<CustomAttributeTypedArgument<string>> many ? many.Select(m => (string)m.Value!) : [(string)arg.Value!]))
                .ToArray();
            cmdlets.Add(new CmdletInfo(
                name,
                $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}",
                Named<string>(attribute, "DefaultParameterSetName"),
                Named<bool?>(attribute, "SupportsShouldProcess") ?? false,
                Named<int?>(attribute, "ConfirmImpact") is { } impact ? ((ConfirmImpactValue)impact).ToString() : null,
                parameters,
                outputTypes));
        }

        return cmdlets;
    }

    /// <summary>The fields of public types, with their type names: for the rule that none is a MSecure.Core type.</summary>
    public static IEnumerable<(string Type, string Field, string FieldType)> PublicTypeFields(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var provider = new TypeNameProvider();
        var fields = new List<(string, string, string)>();
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) != System.Reflection.TypeAttributes.Public)
            {
                continue;
            }

            string typeName = $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                fields.Add((typeName, reader.GetString(field.Name), field.DecodeSignature(provider, genericContext: null)));
            }

            if (!type.BaseType.IsNil)
            {
                fields.Add((typeName, "(base type)", provider.NameOf(reader, type.BaseType)));
            }
        }

        return fields;
    }

    /// <summary>
    /// The properties of <paramref name="type"/>, then those of its base classes in the same
    /// assembly, as PowerShell sees a cmdlet's parameters: a property overridden (or hidden) in a
    /// subclass comes first, with the subclass's attributes, so callers keep the first of a name.
    /// </summary>
    private static IEnumerable<PropertyDefinition> PropertiesWithInherited(MetadataReader reader, TypeDefinition type)
    {
        while (true)
        {
            foreach (PropertyDefinitionHandle handle in type.GetProperties())
            {
                yield return reader.GetPropertyDefinition(handle);
            }

            if (type.BaseType.Kind != HandleKind.TypeDefinition)
            {
                yield break;
            }

            type = reader.GetTypeDefinition((TypeDefinitionHandle)type.BaseType);
        }
    }

    private static T? Named<T>(CustomAttributeValue<string> attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Name == name)
            {
                return (T?)argument.Value;
            }
        }

        return default;
    }

    private static CustomAttributeValue<string>? FindAttribute(MetadataReader reader, CustomAttributeHandleCollection attributes, string name, TypeNameProvider provider) =>
        FindAttributes(reader, attributes, name, provider).Cast<CustomAttributeValue<string>?>().FirstOrDefault();

    private static List<CustomAttributeValue<string>> FindAttributes(MetadataReader reader, CustomAttributeHandleCollection attributes, string name, TypeNameProvider provider)
    {
        var found = new List<CustomAttributeValue<string>>();
        foreach (CustomAttributeHandle handle in attributes)
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            TypeReference attributeType = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(attributeType.Name) == name && reader.GetString(attributeType.Namespace) == Sma)
            {
                found.Add(attribute.DecodeValue(provider));
            }
        }

        return found;
    }

    /// <summary>Mirrors System.Management.Automation.ConfirmImpact.</summary>
    private enum ConfirmImpactValue
    {
        None,
        Low,
        Medium,
        High,
    }

    /// <summary>Type names for signatures and attribute arguments (enums are read as Int32).</summary>
    private sealed class TypeNameProvider : ISignatureTypeProvider<string, object?>, ICustomAttributeTypeProvider<string>
    {
        public string NameOf(MetadataReader reader, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
            _ => "?",
        };

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            return $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string scope = type.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)
                : string.Empty;
            return $"[{scope}]{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
        }

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSystemType() => "System.Type";

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type is "System.Type" or "[System.Runtime]System.Type" or "[netstandard]System.Type";
    }
}
