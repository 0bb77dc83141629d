using System;
using System.Threading;

namespace MSecure.Core.Sessions;

/// <summary>
/// A use of a cached session (<see cref="SessionCache{TSession}.TryAcquire"/>): while it is
/// held the session does not time out; disposing it releases it, once, and when it was the last
/// lease the session's idle clock restarts. It does not stop an explicit lock.
/// </summary>
/// <typeparam name="TSession">The session type.</typeparam>
public sealed class SessionLease<TSession> : IDisposable
    where TSession : class, IDisposable
{
    private Action? _release;

    internal SessionLease(TSession session, Action release)
    {
        Session = session;
        _release = release;
    }

    /// <summary>The leased session.</summary>
    public TSession Session { get; }

    /// <summary>Releases the lease (only the first call does anything).</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
