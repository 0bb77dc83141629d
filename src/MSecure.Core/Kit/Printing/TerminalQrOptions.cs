using System;

namespace MSecure.Core.Kit.Printing;

/// <summary>How <see cref="KitQrCode.ToTerminalText"/> draws the code.</summary>
public sealed record TerminalQrOptions
{
    /// <summary>The quiet zone the QR standard asks for: 4 modules on every side.</summary>
    public const int StandardQuietZone = 4;

    private readonly int quietZoneModules = StandardQuietZone;

    /// <summary>Half blocks (the default) or ASCII.</summary>
    public TerminalQrStyle Style { get; init; } = TerminalQrStyle.HalfBlocks;

    /// <summary>
    /// False (the default): characters draw the dark modules, for dark text on a light
    /// background. True: characters draw the light modules and the quiet zone, for light text
    /// on a dark background, so the code still scans as dark on light.
    /// </summary>
    public bool Inverted { get; init; }

    /// <summary>Light modules around the code, 0 to 16; the default is the standard 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 16.</exception>
    public int QuietZoneModules
    {
        get => quietZoneModules;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 16);
            quietZoneModules = value;
        }
    }
}
