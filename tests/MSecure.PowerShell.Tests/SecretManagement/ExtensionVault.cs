using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Tests.SecretManagement;

/// <summary>A real vault (minimum KDF) in a temporary folder, for storing drafts and reading them back.</summary>
internal sealed class ExtensionVault : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly VaultCreation _creation;

    public ExtensionVault() =>
        _creation = VaultFile.Create(_directory.Combine("secrets.msecure"), "ext@example.com", "correct horse battery staple", KdfParameters.Minimum);

    public VaultSession Session => _creation.Session;

    /// <summary>Stores <paramref name="draft"/> and reads it back from the vault.</summary>
    public Record StoreAndRead(RecordDraft draft)
    {
        Record added = Session.Add(draft);
        return Session.Get(added.Id);
    }

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }
}
