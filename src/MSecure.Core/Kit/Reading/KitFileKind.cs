namespace MSecure.Core.Kit.Reading;

/// <summary>What a kit file holds, as told by its first bytes.</summary>
internal enum KitFileKind
{
    /// <summary>Not an image: read as text (plain kit text or an HTML page).</summary>
    Text,

    /// <summary>A PNG image.</summary>
    Png,

    /// <summary>A JPEG image.</summary>
    Jpeg,
}
