using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Records;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>The PowerShell side of the type mapping: unwraps PSObjects, and makes and reads PSCredentials.</summary>
internal static class SecretObjects
{
    /// <summary>The base object of a PSObject, else the value.</summary>
    internal static object? Base(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>A copy of <paramref name="table"/> with every key, value and array element unwrapped from PSObject.</summary>
    internal static Hashtable? Unwrapped(IDictionary? table)
    {
        if (table is null)
        {
            return null;
        }

        var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            object? value = Base(entry.Value);
            copy[Base(entry.Key) ?? string.Empty] = value is object?[] array ? array.Select(Base).ToArray() : value;
        }

        return copy;
    }

    /// <summary>The record Set-Secret writes for <paramref name="secret"/>.</summary>
    /// <exception cref="SecretMappingException">SecretTypeUnsupported.</exception>
    internal static RecordDraft ToDraft(string name, object? secret)
    {
        switch (Base(secret))
        {
            case byte[] bytes:
                return SecretDrafts.FromBytes(name, bytes);
            case string text:
                return SecretDrafts.FromString(name, text);
            case SecureString secure:
                return SecretDrafts.FromSecureString(name, secure);
            case PSCredential credential:
                return SecretDrafts.FromCredential(name, credential.UserName, credential.Password);
            case IDictionary table:
                return SecretDrafts.FromTable(name, KeepOrder(table));
            case var other:
                throw SecretDrafts.UnsupportedType(SecretDrafts.TypeName(other));
        }
    }

    /// <summary>What Get-Secret returns for <paramref name="value"/>.</summary>
    internal static object ToPowerShell(SecretValue value) =>
        value.Shape == SecretShape.PSCredential ? new PSCredential(value.UserName!, value.Password!) : value.Value!;

    /// <summary>The entries unwrapped, in the dictionary's own order (an [ordered] table keeps its field order).</summary>
    private static System.Collections.Specialized.OrderedDictionary KeepOrder(IDictionary table)
    {
        var copy = new System.Collections.Specialized.OrderedDictionary();
        foreach (DictionaryEntry entry in table)
        {
            copy[Base(entry.Key) ?? string.Empty] = Base(entry.Value);
        }

        return copy;
    }
}
