using System.IO;

namespace MSecure.Core.Transfer.Formats;

/// <summary>Facts about an import's input stream.</summary>
internal static class ImportInputs
{
    /// <summary>The file name for an error message: the file's path when it is one, else a neutral word.</summary>
    internal static string NameOf(Stream input) => input is FileStream file ? file.Name : "(stream)";
}
