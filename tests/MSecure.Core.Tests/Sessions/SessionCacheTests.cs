using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Errors;
using MSecure.Core.Sessions;
using Xunit;

namespace MSecure.Core.Tests.Sessions;

public sealed class SessionCacheTests
{
    private static readonly string VaultA = Path.Combine(Path.GetTempPath(), "a.msecure");
    private static readonly string VaultB = Path.Combine(Path.GetTempPath(), "b.msecure");

    [Fact]
    public void Add_ThenTryGet_ReturnsTheSession()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var session = new FakeSession();

        cache.Add(VaultA, session);

        Assert.True(cache.TryGet(VaultA, out FakeSession? found));
        Assert.Same(session, found);
        Assert.False(cache.TryGet(VaultB, out _));
    }

    [Fact]
    public void Keys_AreFullPaths()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, VaultA);

        cache.Add(relative, new FakeSession());

        Assert.True(cache.TryGet(VaultA, out _));
        Assert.Equal(VaultA, cache.GetEntries().Single().VaultPath);
    }

    [Fact]
    public void DefaultTimeout_Is15Minutes()
    {
        using var cache = new SessionCache<FakeSession>();

        Assert.Equal(TimeSpan.FromMinutes(15), cache.DefaultIdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(15), SessionTimeouts.Default);
    }

    [Fact]
    public void IdleSession_ExpiresByTimer_AndIsDisposed()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var session = new FakeSession();
        cache.Add(VaultA, session);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(session.IsDisposed);
        Assert.Equal(1, cache.Count);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(session.IsDisposed);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(VaultA, out _));
    }

    [Fact]
    public void Use_RestartsTheIdleTimeout()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var session = new FakeSession();
        cache.Add(VaultA, session, TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(cache.TryGet(VaultA, out _));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(cache.Touch(VaultA));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(session.IsDisposed);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), cache.GetEntry(VaultA)!.ExpiresAt);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(session.IsDisposed);
    }

    [Fact]
    public void TryGet_AfterExpiry_BeforeTheTimerRuns_ReturnsFalse_AndLocks()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var session = new FakeSession();
        cache.Add(VaultA, session, TimeSpan.FromSeconds(30));

        // The clock passes the expiry without the timer running: TryGet must not rely on it.
        clock.AdvanceWithoutTimers(TimeSpan.FromSeconds(30));

        Assert.False(session.IsDisposed);
        Assert.Null(cache.GetEntry(VaultA));
        Assert.False(cache.TryGet(VaultA, out _));
        Assert.True(session.IsDisposed);
    }

    [Fact]
    public void EachSession_HasItsOwnTimeout_AndTheTimerFollowsTheEarliest()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var shortLived = new FakeSession();
        var longLived = new FakeSession();
        cache.Add(VaultA, longLived, TimeSpan.FromHours(1));
        cache.Add(VaultB, shortLived, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromMinutes(1), clock.DueIn());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(shortLived.IsDisposed);
        Assert.False(longLived.IsDisposed);
        Assert.Equal(TimeSpan.FromMinutes(59), clock.DueIn());

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(longLived.IsDisposed);
        Assert.Null(clock.DueIn());
    }

    [Fact]
    public void Lock_DisposesAndDrops_OnlyThatVault()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var a = new FakeSession();
        var b = new FakeSession();
        cache.Add(VaultA, a);
        cache.Add(VaultB, b);

        Assert.True(cache.Lock(VaultA));
        Assert.False(cache.Lock(VaultA));

        Assert.True(a.IsDisposed);
        Assert.False(b.IsDisposed);
        Assert.False(cache.TryGet(VaultA, out _));
        Assert.True(cache.TryGet(VaultB, out _));
    }

    [Fact]
    public void LockAll_DisposesEverySession()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var sessions = Enumerable.Range(0, 5).Select(_ => new FakeSession()).ToArray();
        for (int i = 0; i < sessions.Length; i++)
        {
            cache.Add(Path.Combine(Path.GetTempPath(), $"v{i}.msecure"), sessions[i]);
        }

        Assert.Equal(5, cache.LockAll());

        Assert.All(sessions, s => Assert.True(s.IsDisposed));
        Assert.Equal(0, cache.Count);
        Assert.Null(clock.DueIn());
    }

    [Fact]
    public void Add_ForAHeldVault_LocksTheOldSession()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var old = new FakeSession();
        var replacement = new FakeSession();
        cache.Add(VaultA, old);

        cache.Add(VaultA, replacement);

        Assert.True(old.IsDisposed);
        Assert.True(cache.TryGet(VaultA, out FakeSession? found));
        Assert.Same(replacement, found);
    }

    [Fact]
    public void Entries_ShowTimes_WithoutTouching()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        DateTimeOffset start = clock.GetUtcNow();
        cache.Add(VaultA, new FakeSession(), TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(2));

        SessionCacheEntry entry = cache.GetEntry(VaultA)!;

        Assert.Equal(start, entry.UnlockedAt);
        Assert.Equal(start, entry.LastUsedAt);
        Assert.Equal(start + TimeSpan.FromMinutes(5), entry.ExpiresAt);
        Assert.Equal(TimeSpan.FromMinutes(5), entry.IdleTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(8 * 24 * 3600)]
    public void Timeout_OutOfRange_IsInvalidArgument(int seconds)
    {
        using var cache = new SessionCache<FakeSession>();

        var error = Assert.Throws<MSecureException>(() => cache.Add(VaultA, new FakeSession(), TimeSpan.FromSeconds(seconds)));
        Assert.Equal(MSecureErrorCode.InvalidArgument, error.Code);
        Assert.Throws<MSecureException>(() => new SessionCache<FakeSession>(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Dispose_LocksEverything_AndRefusesNewSessions()
    {
        var clock = new ManualTimeProvider();
        var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var session = new FakeSession();
        cache.Add(VaultA, session);

        cache.Dispose();

        Assert.True(session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => cache.Add(VaultA, new FakeSession()));
        Assert.False(cache.TryGet(VaultA, out _));
    }

    [Fact]
    public void RealClock_ExpiresWithoutHelp()
    {
        using var cache = new SessionCache<FakeSession>();
        var session = new FakeSession();

        cache.Add(VaultA, session, SessionTimeouts.Minimum);

        Assert.True(session.Disposed.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task ConcurrentUse_IsSafe()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<FakeSession>(timeProvider: clock);
        var all = new System.Collections.Concurrent.ConcurrentBag<FakeSession>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                string path = Path.Combine(Path.GetTempPath(), $"vault{i % 7}.msecure");
                var session = new FakeSession();
                all.Add(session);
                cache.Add(path, session);
                cache.TryGet(path, out _);
                if (i % 13 == 0)
                {
                    cache.Lock(path);
                }
            }
        })));
        cache.LockAll();

        // Every session ever added was locked exactly once, none twice.
        Assert.All(all, s => Assert.Equal(1, s.DisposeCount));
    }

    private sealed class FakeSession : IDisposable
    {
        private int _disposeCount;

        public ManualResetEventSlim Disposed { get; } = new();

        public int DisposeCount => Volatile.Read(ref _disposeCount);

        public bool IsDisposed => DisposeCount > 0;

        public void Dispose()
        {
            Interlocked.Increment(ref _disposeCount);
            Disposed.Set();
        }
    }
}
