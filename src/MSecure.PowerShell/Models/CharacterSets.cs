using System;
using MSecure.Core.Passwords;

namespace MSecure.PowerShell.Models;

/// <summary>
/// Turns the -CharacterSet names into <see cref="PasswordCharacterSet"/>. The parameter is a
/// string array rather than the Core enum because a cmdlet class must not hold a field of a
/// MSecure.Core value type: PowerShell loads cmdlet classes while importing, before the module
/// initializer can route MSecure.Core to its load context.
/// </summary>
internal static class CharacterSets
{
    /// <summary>The union of the named classes (validated by the parameter's ValidateSet).</summary>
    internal static PasswordCharacterSet Parse(string[] names)
    {
        PasswordCharacterSet set = PasswordCharacterSet.None;
        foreach (string name in names)
        {
            set |= Enum.Parse<PasswordCharacterSet>(name, ignoreCase: true);
        }

        return set;
    }
}
