using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Access;

/// <summary>
/// Reads the records an access key may read, without the vault password: the key's grants come
/// from the account server its token names (GET /v1/access/records, authorized by the key) or, for
/// a key of a vault without a server, from the vault file given; each grant is opened with the
/// key's seal key. Read-only by construction: nothing here holds a key that could write.
/// </summary>
public sealed class AccessKeyReader : IDisposable
{
    /// <summary>The environment variable pipelines put the token in.</summary>
    public const string EnvironmentVariable = "MSECURE_ACCESS_KEY";

    private readonly List<Record> _records;

    private AccessKeyReader(Guid keyId, string source, DateTimeOffset? expires, List<Record> records)
    {
        KeyId = keyId;
        Source = source;
        Expires = expires;
        _records = records;
    }

    /// <summary>The key id.</summary>
    public Guid KeyId { get; }

    /// <summary>Where the records came from: the server address or the vault file's path.</summary>
    public string Source { get; }

    /// <summary>When the key stops working, or null for never.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>
    /// Reads every record the key may read now. The token names its source: a server (address and
    /// pinned certificate inside the token) or, when it names none, the vault file <paramref name="vaultPath"/>.
    /// </summary>
    /// <exception cref="MSecureException">
    /// AccessKeyInvalid (malformed, unknown, another vault's, or a grant that does not authenticate), AccessKeyExpired,
    /// AccessKeyRevoked, ServerUnreachable, ServerCertificateMismatch, RateLimited, VaultNotFound, VaultCorrupted.
    /// </exception>
    public static AccessKeyReader Open(ReadOnlySpan<char> token, string? vaultPath = null)
    {
        using AccessKeyToken parsed = AccessKeyToken.Parse(token);
        using AccessKeyKeys keys = AccessKeyKeys.Derive(parsed.Secret, parsed.KeyId, parsed.AccountId);
        (string source, DateTimeOffset? expires, List<AccessGrant> grants) = parsed.Server is { } server
            ? FromServer(parsed, server, keys)
            : FromVault(parsed, vaultPath ?? throw MSecureErrors.AccessKeyInvalid("it reads a vault file (its vault has no account server), and no vault was given"));
        if (expires is { } at && at <= DateTimeOffset.UtcNow)
        {
            throw MSecureErrors.AccessKeyExpired(at);
        }

        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var newest = new Dictionary<Guid, AccessGrant>();
        foreach (AccessGrant grant in grants)
        {
            if (grant.ExpiresAtMs != 0 && now >= grant.ExpiresAtMs)
            {
                throw MSecureErrors.AccessKeyExpired(DateTimeOffset.FromUnixTimeMilliseconds(grant.ExpiresAtMs));
            }

            if (!newest.TryGetValue(grant.RecordId, out AccessGrant? seen) || seen.Revision < grant.Revision)
            {
                newest[grant.RecordId] = grant;
            }
        }

        List<Record> records = newest.Values.Select(grant => AccessGrantSeal.Open(keys.Seal, grant))
            .OrderBy(record => record.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new AccessKeyReader(parsed.KeyId, source, expires, records);
    }

    /// <summary>The key's records, sorted by name; with <paramref name="namePattern"/>, those whose name matches it (wildcards, ignoring case).</summary>
    /// <exception cref="MSecureException">InvalidArgument for a bad wildcard pattern.</exception>
    public IReadOnlyList<RecordSummary> List(string? namePattern = null)
    {
        WildcardMatcher? matcher = string.IsNullOrEmpty(namePattern) ? null : WildcardMatcher.Parse(namePattern);
        return _records.Where(record => matcher is null || matcher.IsMatch(record.Name))
            .Select(record => new RecordSummary(record.Id, record.Revision, record.Name, record.Template, record.Tags, record.IsFavorite, record.ModifiedAt))
            .ToList();
    }

    /// <summary>The key's record named exactly <paramref name="name"/> (ignoring case and Unicode compatibility forms), or null.</summary>
    public Record? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string wanted = Comparable(name);
        return _records.Find(record => string.Equals(Comparable(record.Name), wanted, StringComparison.Ordinal));
    }

    /// <summary>The key's record <paramref name="id"/>, or null.</summary>
    public Record? Find(Guid id) => _records.Find(record => record.Id == id);

    /// <summary>Forgets the records read.</summary>
    public void Dispose() => _records.Clear();

    private static string Comparable(string name) => name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static (string, DateTimeOffset?, List<AccessGrant>) FromServer(AccessKeyToken token, Uri server, AccessKeyKeys keys)
    {
        using var client = new AccountServerClient(server, token.Fingerprint);
        char[] authorization = new char[36 + 1 + Base64UrlText.EncodedLength(keys.Auth.Length)];
        try
        {
            token.KeyId.TryFormat(authorization, out _, "D");
            authorization[36] = '.';
            Base64UrlText.Encode(keys.Auth.Bytes, authorization.AsSpan(37));
            // HttpClient takes header values as strings: this one holds the auth key only, never the seal key.
            AccessRecordsResponse response = client.ReadAccessRecords(new string(authorization));
            if (response.KeyId != token.KeyId)
            {
                throw MSecureErrors.ServerProtocolError(client.Server, "it answered for another access key.");
            }

            List<AccessGrant> grants = response.Grants
                .Select(grant => new AccessGrant(token.KeyId, grant.RecordId, grant.Revision, grant.Expiry, grant.Envelope)).ToList();
            return (client.Server.AbsoluteUri, response.ExpiresAt, grants);
        }
        finally
        {
            Array.Clear(authorization);
        }
    }

    private static (string, DateTimeOffset?, List<AccessGrant>) FromVault(AccessKeyToken token, string vaultPath)
    {
        using VaultDatabase database = VaultDatabase.Open(vaultPath);
        return database.Read(() =>
        {
            if (MetaStore.Read(database).AccountId != token.AccountId)
            {
                throw MSecureErrors.AccessKeyInvalid("it belongs to another vault");
            }

            long expires = AccessKeyStore.FindExpiry(database, token.KeyId) ?? throw MSecureErrors.AccessKeyRevoked();
            DateTimeOffset? expiresAt = expires == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(expires);
            return (database.Path, expiresAt, AccessKeyStore.ReadGrants(database, token.KeyId));
        });
    }
}
