using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>The rule for a device name: 1 to 100 characters, no control characters; the machine name by default.</summary>
public static class DeviceNames
{
    /// <summary>This machine's name, cut to the longest name the server accepts.</summary>
    public static string Default
    {
        get
        {
            string name = Environment.MachineName;
            name = string.IsNullOrWhiteSpace(name) ? "device" : name;
            return name.Length <= AccountProtocol.MaxDeviceNameLength ? name : name[..AccountProtocol.MaxDeviceNameLength];
        }
    }

    /// <summary>InvalidArgument unless <paramref name="name"/> is 1 to 100 characters without control characters.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name) || name.Length > AccountProtocol.MaxDeviceNameLength)
        {
            throw MSecureErrors.InvalidArgument("DeviceName", "it must be 1 to 100 characters and not only white space.");
        }

        foreach (char c in name)
        {
            if (char.IsControl(c))
            {
                throw MSecureErrors.InvalidArgument("DeviceName", "it must not contain control characters.");
            }
        }
    }
}
