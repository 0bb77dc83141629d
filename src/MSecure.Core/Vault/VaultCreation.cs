using System;
using MSecure.Core.Kit;
using MSecure.Core.Sync;

namespace MSecure.Core.Vault;

/// <summary>A new vault: its unlocked session and the emergency kit to print and keep.</summary>
public sealed class VaultCreation : IDisposable
{
    internal VaultCreation(VaultSession session, EmergencyKit kit)
    {
        Session = session;
        Kit = kit;
    }

    /// <summary>The new vault, unlocked.</summary>
    public VaultSession Session { get; }

    /// <summary>The emergency kit of the new vault (wrapped Account Key, account id, email).</summary>
    public EmergencyKit Kit { get; }

    /// <summary>The full sync that ended an enrollment (the account's records pulled); null for a new account.</summary>
    public SyncResult? InitialSync { get; internal set; }

    /// <summary>Locks the session.</summary>
    public void Dispose() => Session.Dispose();
}
