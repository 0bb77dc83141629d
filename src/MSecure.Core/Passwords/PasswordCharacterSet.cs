using System;

namespace MSecure.Core.Passwords;

/// <summary>The character classes a random password draws from. Combine them with <c>|</c>.</summary>
[Flags]
public enum PasswordCharacterSet
{
    /// <summary>No class; not valid on its own.</summary>
    None = 0,

    /// <summary>A to Z.</summary>
    Uppercase = 1,

    /// <summary>a to z.</summary>
    Lowercase = 2,

    /// <summary>0 to 9.</summary>
    Digits = 4,

    /// <summary>The symbols of <see cref="PasswordCharacterClasses.Symbols"/>.</summary>
    Symbols = 8,

    /// <summary>All four classes.</summary>
    All = Uppercase | Lowercase | Digits | Symbols,
}
