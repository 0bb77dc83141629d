using System;
using System.IO;
using System.Management.Automation;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Files;

namespace MSecure.PowerShell.Kits;

/// <summary>
/// The file a key change's new emergency kit goes to, created (exclusively, owner-only on Unix)
/// BEFORE the change is made, so a bad -KitPath fails while nothing has changed. After the change
/// <see cref="Complete"/> writes the kit; until then disposing deletes the empty file.
/// </summary>
internal sealed class KitReservation : IDisposable
{
    private FileStream? _stream;

    /// <summary>Takes over <paramref name="stream"/>, just created at <paramref name="path"/> with <see cref="PrivateFile.OpenNew"/>.</summary>
    internal KitReservation(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The kit file's full path.</summary>
    internal string Path { get; }

    /// <summary>Creates the empty kit file at <paramref name="path"/>, which must not exist; nothing has been changed yet.</summary>
    /// <exception cref="ModuleException">FileExists, KitFileWriteFailed (the folder is missing or not writable).</exception>
    internal static KitReservation Create(string path)
    {
        KitFiles.EnsureWritable(path, force: false);
        try
        {
            return new KitReservation(path, PrivateFile.OpenNew(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(path))
            {
                throw new ModuleException(ModuleErrorIds.FileExists, ErrorCategory.ResourceExists,
                    $"The file '{path}' already exists. Choose another path. Nothing was changed.", exception);
            }

            throw new ModuleException(ModuleErrorIds.KitFileWriteFailed, ErrorCategory.WriteError,
                $"The emergency kit cannot be saved to '{path}': {exception.Message} Nothing was changed.", exception);
        }
    }

    /// <summary>
    /// Writes the kit that <paramref name="render"/> gives, after the change was made. Any failure
    /// (rendering or writing) is KitFileWriteFailed whose message says plainly that the change
    /// <paramref name="change"/> WAS made and to export the kit now.
    /// </summary>
    /// <param name="render">The kit file's content.</param>
    /// <param name="change">What was changed, for example "The password of vault 'team'".</param>
    /// <exception cref="ModuleException">KitFileWriteFailed.</exception>
    internal FileInfo Complete(Func<byte[]> render, string change)
    {
        ArgumentNullException.ThrowIfNull(render);
        FileStream stream = _stream ?? throw new InvalidOperationException("The kit reservation is closed.");
        try
        {
            stream.Write(render());
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            _stream = null;
            return new FileInfo(Path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Dispose();
            throw ChangedButNotSaved(change, Path, exception);
        }
    }

    /// <summary>The KitFileWriteFailed of a kit that could not be saved after the change was made.</summary>
    internal static ModuleException ChangedButNotSaved(string change, string path, Exception cause) =>
        new(ModuleErrorIds.KitFileWriteFailed, ErrorCategory.WriteError, ChangedButNotSavedMessage(change, path, cause.Message), cause);

    /// <summary>The message of <see cref="ChangedButNotSaved"/>: the change WAS made; export the kit now.</summary>
    internal static string ChangedButNotSavedMessage(string change, string path, string reason) =>
        $"{change} WAS changed, but its new emergency kit could not be saved to '{path}': {reason} "
        + "Kits printed before may no longer open the vault. Save the new kit NOW: unlock the vault with the new password if it is locked, "
        + "and run Export-MSecureEmergencyKit.";

    /// <summary>Deletes the kit file unless <see cref="Complete"/> wrote it.</summary>
    public void Dispose()
    {
        FileStream? stream = _stream;
        _stream = null;
        if (stream is null)
        {
            return;
        }

        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // Deleted below either way.
        }

        try
        {
            File.Delete(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: an empty or partial kit file holds nothing the vault file does not.
        }
    }
}
