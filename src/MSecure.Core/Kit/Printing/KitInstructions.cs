using System.Collections.Generic;

namespace MSecure.Core.Kit.Printing;

/// <summary>What the printed kit tells its owner, in the order shown. Also for commands that print a kit to the console.</summary>
public static class KitInstructions
{
    /// <summary>The page title.</summary>
    public const string Title = "MSecure Emergency Kit";

    /// <summary>One line under the title.</summary>
    public const string Summary =
        "This kit and your password open your vault on a new device. Keep it offline and safe.";

    /// <summary>The recovery instructions, one paragraph each.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        "Keep this kit offline and somewhere safe, such as a locked drawer or a safe. Do not store it in e-mail, chat, cloud storage or a photo, and never write your password on it.",
        "With this kit and your password you can open your vault on a new device: enroll the device in MSecure with the kit text (type it, or scan the QR code), then enter your password.",
        "The kit alone cannot open your vault, and your password alone cannot either: both are needed. Nobody can reset your password for you; if you lose both the kit and your password, your data cannot be recovered.",
        "If you change your password, this kit still opens your vault with the OLD password. Destroy this kit and print the new one.",
    ];
}
