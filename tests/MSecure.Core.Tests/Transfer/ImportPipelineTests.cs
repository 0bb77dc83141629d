using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>
/// The import's two threads (the worker reads, validates and seals; the transaction thread stores):
/// a failure or cancellation on either side stops both, disposes the reader and writes nothing.
/// </summary>
public sealed class ImportPipelineTests : IDisposable
{
    private const string Source = "test.csv";
    private const int Rows = 20_000;

    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public ImportPipelineTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Import_ReaderFailsMidway_ThrowsItsOwnError_WritesNothing_AndTheReaderIsDisposed()
    {
        Session.Add(TestVaults.Login("Existing"));
        long before = VaultRevision();
        var reader = new TrackedReader(Rows, failAt: 1_300);

        MSecureException error = Assert.Throws<MSecureException>(() => Session.Import(reader.Items(), Source));

        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
        Assert.Contains("row 1300 is cut off", error.Message, StringComparison.Ordinal);
        Assert.True(reader.Disposed);
        Assert.Equal(1_299, reader.Yielded);
        Assert.Equal(before, VaultRevision());
        Assert.Equal(1, Session.Info.RecordCount);
        Assert.Null(Session.FindByName("Site 1"));
        Assert.Empty(Session.CheckIntegrity());
        Assert.Equal(1_000, Session.Import(new TrackedReader(1_000, failAt: null).Items(), Source).Added);
    }

    [Fact]
    public void Import_CancelledOnTheTransactionThread_StopsTheReader_WritesNothing()
    {
        long before = VaultRevision();
        var reader = new TrackedReader(Rows, failAt: null);
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => Session.Import(reader.Items(), Source, new ImportOptions
        {
            Progress = progress =>
            {
                if (progress.Entries == 1_000)
                {
                    cancellation.Cancel();
                }
            },
        }, cancellation.Token));

        Assert.True(reader.Disposed);
        Assert.InRange(reader.Yielded, 1_000, Rows - 1);
        Assert.Equal(before, VaultRevision());
        Assert.Equal(0, Session.Info.RecordCount);
        Assert.NotNull(Session.Add(TestVaults.Login("Site 1")));
    }

    [Fact]
    public void Import_TransactionThreadFails_StopsTheReader_AndRethrowsThatFailure()
    {
        long before = VaultRevision();
        var reader = new TrackedReader(Rows, failAt: null);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => Session.Import(reader.Items(), Source, new ImportOptions
        {
            Progress = progress => throw new InvalidOperationException("progress host gone at " + progress.Entries.ToString(CultureInfo.InvariantCulture)),
        }));

        Assert.Equal("progress host gone at 500", error.Message);
        Assert.True(reader.Disposed);
        Assert.InRange(reader.Yielded, 500, Rows - 1);
        Assert.Equal(before, VaultRevision());
        Assert.Equal(0, Session.Info.RecordCount);
    }

    [Fact]
    public void Import_ManyRows_KeepsFileOrder_InTheReport_AndStoresWhatTheWorkerSealed()
    {
        var entries = new List<ImportItem>();
        for (int i = 1; i <= 3_000; i++)
        {
            // Every 500th entry repeats an earlier name with another user: renamed on the transaction thread, re-sealed there.
            string name = i % 500 == 0 ? "Site " + (i - 1).ToString(CultureInfo.InvariantCulture) : "Site " + i.ToString(CultureInfo.InvariantCulture);
            entries.Add(ImportItem.Read(Line(i), TestVaults.Login(name, "user" + i.ToString(CultureInfo.InvariantCulture)), "Login"));
        }

        ImportReport report = Session.Import(entries, Source);

        Assert.Equal(3_000, report.Added);
        Assert.Equal([Line(500), Line(1000), Line(1500), Line(2000), Line(2500), Line(3000)], [.. report.Renames.Select(rename => rename.Location)]);
        Assert.Equal("user500", Session.FindByName("Site 499 (2)")!.GetField("Username")!.Value);
        Assert.Equal("user2999", Session.FindByName("Site 2999")!.GetField("Username")!.Value);
        Assert.Empty(Session.CheckIntegrity());
    }

    private static string Line(int line) => "line " + line.ToString(CultureInfo.InvariantCulture);

    private long VaultRevision() => Session.Use(vault => vault.Read(() => vault.ReadState().Revision));

    /// <summary>A reader that counts what it yielded, knows whether it was disposed, and can fail like a broken file.</summary>
    private sealed class TrackedReader(int rows, int? failAt)
    {
        private int _yielded;
        private volatile bool _disposed;

        internal int Yielded => Volatile.Read(ref _yielded);

        internal bool Disposed => _disposed;

        internal IEnumerable<ImportItem> Items()
        {
            try
            {
                for (int i = 1; i <= rows; i++)
                {
                    if (i == failAt)
                    {
                        throw MSecureErrors.ImportFileInvalid(Source, "row " + i.ToString(CultureInfo.InvariantCulture) + " is cut off.");
                    }

                    yield return ImportItem.Read(Line(i), TestVaults.Login("Site " + i.ToString(CultureInfo.InvariantCulture)), "Login");
                    Interlocked.Increment(ref _yielded);
                }
            }
            finally
            {
                _disposed = true;
            }
        }
    }
}
