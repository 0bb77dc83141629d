namespace MSecure.Core.Vault;

/// <summary>What the vault stores for one live record revision.</summary>
/// <param name="NameIndex">The blind index of the name.</param>
/// <param name="Summary">The summary envelope.</param>
/// <param name="Content">The full record envelope.</param>
internal sealed record SealedRecord(byte[] NameIndex, byte[] Summary, byte[] Content);
