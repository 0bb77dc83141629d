using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace MSecure.Core.Sessions;

/// <summary>
/// Unlocked sessions by full vault path, each with an idle timeout. Using a session
/// (<see cref="TryGet"/>, <see cref="Touch"/>, <see cref="TryAcquire"/>) restarts its timeout; a
/// session with a live lease (<see cref="TryAcquire"/>) never times out, and its idle clock
/// restarts when its last lease is released. A timer locks (disposes) every unleased session
/// whose timeout has run out, and <see cref="TryGet"/> never returns one. Locking disposes the
/// session, which wipes its keys; an explicit <see cref="Lock"/> or <see cref="LockAll"/> does
/// so even while leases are held. Thread-safe.
/// </summary>
/// <typeparam name="TSession">The session type; disposing it locks it.</typeparam>
public sealed class SessionCache<TSession> : IDisposable
    where TSession : class, IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(VaultPathComparer.Instance);
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private bool _disposed;

    /// <summary>Creates a cache whose sessions time out after <paramref name="defaultIdleTimeout"/> unless told otherwise.</summary>
    /// <param name="defaultIdleTimeout">Defaults to <see cref="SessionTimeouts.Default"/>.</param>
    /// <param name="timeProvider">The clock and timers; tests inject a manual one. Defaults to <see cref="TimeProvider.System"/>.</param>
    public SessionCache(TimeSpan? defaultIdleTimeout = null, TimeProvider? timeProvider = null)
    {
        DefaultIdleTimeout = SessionTimeouts.Validate(defaultIdleTimeout ?? SessionTimeouts.Default);
        _time = timeProvider ?? TimeProvider.System;
        _timer = _time.CreateTimer(static state => ((SessionCache<TSession>)state!).ExpireIdle(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The idle timeout of sessions added without one.</summary>
    public TimeSpan DefaultIdleTimeout { get; }

    /// <summary>The number of sessions held (expired ones may linger until the timer runs).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>
    /// Holds <paramref name="session"/> for <paramref name="vaultPath"/>, replacing (and locking)
    /// any session already held for it.
    /// </summary>
    /// <exception cref="Errors.MSecureException">The timeout is out of range (code InvalidArgument).</exception>
    public void Add(string vaultPath, TSession session, TimeSpan? idleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        TimeSpan timeout = idleTimeout is { } given ? SessionTimeouts.Validate(given) : DefaultIdleTimeout;
        string key = VaultPathComparer.Normalize(vaultPath);
        TSession? replaced = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            if (_slots.TryGetValue(key, out Slot? old) && !ReferenceEquals(old.Session, session))
            {
                replaced = old.Session;
            }

            _slots[key] = new Slot(key, session, now, timeout) { LastUsedAt = now };
            ScheduleLocked(now);
        }

        replaced?.Dispose();
    }

    /// <summary>Gets the session for <paramref name="vaultPath"/> and restarts its idle timeout.</summary>
    /// <returns>False when none is held or it has timed out (it is then locked and dropped).</returns>
    public bool TryGet(string vaultPath, [NotNullWhen(true)] out TSession? session)
    {
        session = Use(vaultPath, slot => slot.Session);
        return session is not null;
    }

    /// <summary>
    /// Gets the session for <paramref name="vaultPath"/> with a lease: until the lease is disposed
    /// the session does not time out, and its idle clock restarts when the last lease is released.
    /// </summary>
    /// <returns>Null when none is held or it has timed out (it is then locked and dropped).</returns>
    public SessionLease<TSession>? TryAcquire(string vaultPath) =>
        Use(vaultPath, slot =>
        {
            slot.Leases++;
            return new SessionLease<TSession>(slot.Session, () => Release(slot));
        });

    /// <summary>
    /// Under the gate, finds the live slot of <paramref name="vaultPath"/>, restarts its idle clock
    /// and returns <paramref name="onLive"/>'s result; an expired slot is dropped and locked.
    /// </summary>
    private T? Use<T>(string vaultPath, Func<Slot, T> onLive)
        where T : class
    {
        string key = VaultPathComparer.Normalize(vaultPath);
        TSession? expired = null;
        T? result = null;
        lock (_gate)
        {
            if (_disposed || !_slots.TryGetValue(key, out Slot? slot))
            {
                return null;
            }

            DateTimeOffset now = _time.GetUtcNow();
            if (slot.IsExpired(now))
            {
                _slots.Remove(key);
                expired = slot.Session;
            }
            else
            {
                slot.LastUsedAt = now;
                result = onLive(slot);
            }
        }

        expired?.Dispose();
        return result;
    }

    /// <summary>The number of live leases on the session for <paramref name="vaultPath"/> (0 when none is held).</summary>
    public int LeaseCount(string vaultPath)
    {
        string key = VaultPathComparer.Normalize(vaultPath);
        lock (_gate)
        {
            return _slots.TryGetValue(key, out Slot? slot) ? slot.Leases : 0;
        }
    }

    /// <summary>Restarts the idle timeout of the session for <paramref name="vaultPath"/>.</summary>
    /// <returns>False when none is held or it has timed out.</returns>
    public bool Touch(string vaultPath) => TryGet(vaultPath, out _);

    /// <summary>What is known about the session for <paramref name="vaultPath"/>, without touching it; null when none is live.</summary>
    public SessionCacheEntry? GetEntry(string vaultPath)
    {
        string key = VaultPathComparer.Normalize(vaultPath);
        lock (_gate)
        {
            return _slots.TryGetValue(key, out Slot? slot) && !slot.IsExpired(_time.GetUtcNow()) ? slot.ToEntry() : null;
        }
    }

    /// <summary>Every live session, without touching them.</summary>
    public IReadOnlyList<SessionCacheEntry> GetEntries()
    {
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            var entries = new List<SessionCacheEntry>(_slots.Count);
            foreach (Slot slot in _slots.Values)
            {
                if (!slot.IsExpired(now))
                {
                    entries.Add(slot.ToEntry());
                }
            }

            return entries;
        }
    }

    /// <summary>Locks (disposes) and drops the session for <paramref name="vaultPath"/>.</summary>
    /// <returns>False when none was held.</returns>
    public bool Lock(string vaultPath)
    {
        string key = VaultPathComparer.Normalize(vaultPath);
        Slot? slot;
        lock (_gate)
        {
            if (!_slots.Remove(key, out slot))
            {
                return false;
            }
        }

        slot.Session.Dispose();
        return true;
    }

    /// <summary>Locks (disposes) and drops every session.</summary>
    /// <returns>The number of sessions locked.</returns>
    public int LockAll()
    {
        Slot[] slots;
        lock (_gate)
        {
            slots = new Slot[_slots.Count];
            _slots.Values.CopyTo(slots, 0);
            _slots.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        DisposeAll(slots);
        return slots.Length;
    }

    /// <summary>Locks every session and stops the timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        LockAll();
        _timer.Dispose();
    }

    /// <summary>Locks the sessions whose idle timeout has run out (the timer calls this).</summary>
    internal void ExpireIdle()
    {
        var expired = new List<Slot>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            DateTimeOffset now = _time.GetUtcNow();
            foreach (Slot slot in _slots.Values)
            {
                if (slot.IsExpired(now))
                {
                    expired.Add(slot);
                }
            }

            foreach (Slot slot in expired)
            {
                _slots.Remove(slot.VaultPath);
            }

            ScheduleLocked(now);
        }

        DisposeAll(expired);
    }

    private void Release(Slot slot)
    {
        lock (_gate)
        {
            if (slot.Leases > 0)
            {
                slot.Leases--;
            }

            if (slot.Leases == 0 && !_disposed && _slots.TryGetValue(slot.VaultPath, out Slot? current) && ReferenceEquals(current, slot))
            {
                DateTimeOffset now = _time.GetUtcNow();
                slot.LastUsedAt = now;
                ScheduleLocked(now);
            }
        }
    }

    private static void DisposeAll(IEnumerable<Slot> slots)
    {
        List<Exception>? failures = null;
        foreach (Slot slot in slots)
        {
            try
            {
                slot.Session.Dispose();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                (failures ??= new List<Exception>()).Add(exception);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("One or more sessions failed to lock.", failures);
        }
    }

    /// <summary>Points the timer at the earliest expiry. Called with the gate held.</summary>
    private void ScheduleLocked(DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (Slot slot in _slots.Values)
        {
            if (slot.Leases == 0 && (earliest is null || slot.ExpiresAt < earliest))
            {
                earliest = slot.ExpiresAt;
            }
        }

        TimeSpan due = earliest is { } at ? (at > now ? at - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private sealed class Slot(string vaultPath, TSession session, DateTimeOffset unlockedAt, TimeSpan idleTimeout)
    {
        public string VaultPath { get; } = vaultPath;

        public TSession Session { get; } = session;

        public DateTimeOffset LastUsedAt { get; set; }

        /// <summary>Live leases; guarded by the cache's gate.</summary>
        public int Leases { get; set; }

        public DateTimeOffset ExpiresAt => LastUsedAt + idleTimeout;

        public bool IsExpired(DateTimeOffset now) => Leases == 0 && now >= ExpiresAt;

        public SessionCacheEntry ToEntry() => new(VaultPath, unlockedAt, LastUsedAt, idleTimeout);
    }
}
