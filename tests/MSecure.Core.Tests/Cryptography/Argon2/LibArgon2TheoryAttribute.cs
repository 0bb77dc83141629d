using System;
using MSecure.Interop;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

/// <summary>
/// A theory that needs Debian's libargon2. Skipped on a developer machine without it, but
/// never under CI (CI=true): there a missing library must fail the run, not hide the check.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LibArgon2TheoryAttribute : TheoryAttribute
{
    public LibArgon2TheoryAttribute()
    {
        bool underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!LibArgon2.IsAvailable && !underCi)
        {
            Skip = "libargon2.so.1 is not installed (apt-get install libargon2-1); CI installs it and never skips this.";
        }
    }
}
