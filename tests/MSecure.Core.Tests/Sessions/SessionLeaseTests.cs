using System;
using System.IO;
using MSecure.Core.Sessions;
using Xunit;

namespace MSecure.Core.Tests.Sessions;

public sealed class SessionLeaseTests
{
    private static readonly string Vault = Path.Combine(Path.GetTempPath(), "leased.msecure");

    [Fact]
    public void ALeasedSession_DoesNotTimeOut_WhileTheLeaseIsHeld()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<Session>(TimeSpan.FromMinutes(1), clock);
        var session = new Session();
        cache.Add(Vault, session);

        using (SessionLease<Session>? lease = cache.TryAcquire(Vault))
        {
            Assert.NotNull(lease);
            Assert.Same(session, lease.Session);
            Assert.Equal(1, cache.LeaseCount(Vault));

            clock.Advance(TimeSpan.FromMinutes(10));
            cache.ExpireIdle();

            Assert.False(session.IsDisposed);
            Assert.True(cache.TryGet(Vault, out _));
        }

        Assert.Equal(0, cache.LeaseCount(Vault));
        Assert.False(session.IsDisposed);
    }

    [Fact]
    public void TheIdleClock_RestartsWhenTheLastLeaseIsReleased()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<Session>(TimeSpan.FromMinutes(1), clock);
        var session = new Session();
        cache.Add(Vault, session);
        SessionLease<Session> first = cache.TryAcquire(Vault)!;
        SessionLease<Session> second = cache.TryAcquire(Vault)!;

        clock.Advance(TimeSpan.FromMinutes(5));
        first.Dispose();
        first.Dispose(); // a second release does nothing
        Assert.Equal(1, cache.LeaseCount(Vault));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(session.IsDisposed);

        second.Dispose();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(session.IsDisposed);
        Assert.NotNull(cache.GetEntry(Vault));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(session.IsDisposed);
        Assert.Null(cache.TryAcquire(Vault));
    }

    [Fact]
    public void TheTimer_IsRescheduledWhenTheLeaseIsReleased()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<Session>(TimeSpan.FromMinutes(1), clock);
        var session = new Session();
        cache.Add(Vault, session);
        SessionLease<Session> lease = cache.TryAcquire(Vault)!;

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(session.IsDisposed);

        lease.Dispose();
        Assert.Equal(TimeSpan.FromMinutes(1), clock.DueIn());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(session.IsDisposed);
    }

    [Fact]
    public void AnExpiredSession_GivesNoLease()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<Session>(TimeSpan.FromMinutes(1), clock);
        var session = new Session();
        cache.Add(Vault, session);

        clock.AdvanceWithoutTimers(TimeSpan.FromMinutes(1));

        Assert.Null(cache.TryAcquire(Vault));
        Assert.True(session.IsDisposed);
        Assert.Null(cache.TryAcquire(Path.Combine(Path.GetTempPath(), "never-added.msecure")));
    }

    [Fact]
    public void AnExplicitLock_LocksALeasedSession_AndTheLateReleaseIsHarmless()
    {
        var clock = new ManualTimeProvider();
        using var cache = new SessionCache<Session>(TimeSpan.FromMinutes(1), clock);
        var session = new Session();
        cache.Add(Vault, session);
        SessionLease<Session> lease = cache.TryAcquire(Vault)!;

        Assert.True(cache.Lock(Vault));
        Assert.True(session.IsDisposed);

        var replacement = new Session();
        cache.Add(Vault, replacement);
        lease.Dispose();

        Assert.Equal(0, cache.LeaseCount(Vault));
        Assert.True(cache.TryGet(Vault, out Session? found));
        Assert.Same(replacement, found);
    }

    private sealed class Session : IDisposable
    {
        public bool IsDisposed { get; private set; }

        public void Dispose() => IsDisposed = true;
    }
}
