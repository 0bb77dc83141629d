using System.IO;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Transfer.Formats;

/// <summary>What every reader needs of its input stream.</summary>
internal static class ImportInput
{
    /// <summary>The file's name for an error message (a FileStream's path), else a neutral word.</summary>
    internal static string NameOf(Stream input) => input is FileStream file ? file.Name : "(stream)";

    /// <summary>ImportFileInvalid for <paramref name="input"/>; <paramref name="reason"/> never holds a value.</summary>
    internal static MSecureException Invalid(Stream input, string reason, System.Exception? inner = null) =>
        MSecureErrors.ImportFileInvalid(NameOf(input), reason, inner);

    /// <summary>A UTF-8 text reader over <paramref name="input"/> (a byte-order mark honoured), leaving it open.</summary>
    internal static StreamReader OpenText(Stream input) =>
        new(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>"line N".</summary>
    internal static string Line(long line) => "line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"item N".</summary>
    internal static string Item(long item) => "item " + item.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
