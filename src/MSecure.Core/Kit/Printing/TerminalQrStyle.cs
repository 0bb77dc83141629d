namespace MSecure.Core.Kit.Printing;

/// <summary>How a QR code is drawn with characters.</summary>
public enum TerminalQrStyle
{
    /// <summary>
    /// Unicode half blocks (<c>▀ ▄ █</c> and space): one character is one module wide and two
    /// modules tall, so the code is square in a usual terminal font.
    /// </summary>
    HalfBlocks = 0,

    /// <summary>Plain ASCII: <c>##</c> for a module that is drawn, two spaces for one that is not; one line per module row.</summary>
    Ascii = 1,
}
