using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Tests.TestSupport;

namespace MSecure.Core.Tests.Sync.Folder;

/// <summary>A fresh sync folder and the account key its devices share.</summary>
public abstract class FolderTestBase : IDisposable
{
    private protected TempDirectory SharedFolder { get; } = new();

    private protected AccountKey AccountKey { get; } = TestValues.FixedAccountKey();

    /// <summary>A new device of the test account on the shared folder.</summary>
    private protected FolderDevice Device(Guid? vaultId = null) => new(SharedFolder.Path, AccountKey, TestValues.AccountId, vaultId);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            AccountKey.Dispose();
            SharedFolder.Dispose();
        }
    }
}
