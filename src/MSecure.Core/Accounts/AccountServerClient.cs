using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using Polly;

namespace MSecure.Core.Accounts;

/// <summary>
/// The HTTP side of the account protocol (docs/ARCHITECTURE.md section 16): one method per route,
/// bodies (de)serialized strictly by <see cref="ProtocolJsonContext"/>, problem+json answers turned
/// into <see cref="MSecureException"/>s (<see cref="ProblemAnswers"/>). The server's certificate is
/// pinned by its SHA-256 fingerprint, or checked against the system store when none is given.
/// Transient failures are retried with backoff (<see cref="TransientFailures"/>). Synchronous, like
/// the rest of the engine. Never logs, and never puts a token in a URL or a message.
/// </summary>
public sealed class AccountServerClient : IDisposable
{
    private const int MaxResponseBytes = 1024 * 1024;

    // A pull page holds up to 4 MiB of envelopes plus one more (each up to 2 MiB), base64 in JSON.
    private const int MaxPullResponseBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly HttpClient _largeAnswerHttp;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _nonIdempotent;
    private readonly string? _fingerprint;
    private volatile bool _certificateRejected;

    /// <summary>A client of the server at <paramref name="server"/>.</summary>
    /// <param name="server">The server's base address: https, or http on a loopback address (development servers).</param>
    /// <param name="certificateFingerprint">The pinned SHA-256 fingerprint (any case, ':' optional), or null to trust the system store.</param>
    /// <param name="options">Timeouts and retries; <see cref="AccountServerOptions.Default"/> when null.</param>
    /// <exception cref="MSecureException">InvalidArgument for a bad address or fingerprint.</exception>
    public AccountServerClient(Uri server, string? certificateFingerprint, AccountServerOptions? options = null)
    {
        Server = ServerAddress.Normalize(server);
        _fingerprint = certificateFingerprint is null ? null : CertificateFingerprint.Normalize(certificateFingerprint);
        options ??= AccountServerOptions.Default;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = { RemoteCertificateValidationCallback = ValidateCertificate },
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = Server,
            Timeout = options.RequestTimeout,
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        _largeAnswerHttp = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = Server,
            Timeout = options.RequestTimeout,
            MaxResponseContentBufferSize = MaxPullResponseBytes,
        };
        _idempotent = TransientFailures.Pipeline(options, idempotent: true);
        _nonIdempotent = TransientFailures.Pipeline(options, idempotent: false);
    }

    /// <summary>The server's base address.</summary>
    public Uri Server { get; }

    /// <summary>The pinned fingerprint (64 uppercase hex digits), or null.</summary>
    public string? PinnedFingerprint => _fingerprint;

    /// <summary>GET /v1/server.</summary>
    public ServerInfoResponse GetServerInfo() =>
        Send(HttpMethod.Get, AccountProtocol.ServerInfoRoute, null, null, ProtocolJsonContext.Default.ServerInfoResponse, idempotent: true);

    /// <summary>POST /v1/accounts.</summary>
    public SessionResponse Register(RegisterAccountRequest request) =>
        Send(HttpMethod.Post, AccountProtocol.RegisterRoute, null, Body(request, ProtocolJsonContext.Default.RegisterAccountRequest),
            ProtocolJsonContext.Default.SessionResponse, idempotent: false, ProblemContext.Registration);

    /// <summary>POST /v1/auth/challenge.</summary>
    public ChallengeResponse Challenge(string email) =>
        Send(HttpMethod.Post, AccountProtocol.ChallengeRoute, null, Body(new ChallengeRequest { Email = email }, ProtocolJsonContext.Default.ChallengeRequest),
            ProtocolJsonContext.Default.ChallengeResponse, idempotent: true);

    /// <summary>POST /v1/auth/sign-in.</summary>
    public SessionResponse SignIn(SignInRequest request) =>
        Send(HttpMethod.Post, AccountProtocol.SignInRoute, null, Body(request, ProtocolJsonContext.Default.SignInRequest),
            ProtocolJsonContext.Default.SessionResponse, idempotent: false);

    /// <summary>POST /v1/auth/sign-out.</summary>
    public void SignOut(string token) => SendEmpty(HttpMethod.Post, AccountProtocol.SignOutRoute, token, ProblemContext.General);

    /// <summary>GET /v1/account.</summary>
    public AccountResponse GetAccount(string token) =>
        Send(HttpMethod.Get, AccountProtocol.AccountRoute, token, null, ProtocolJsonContext.Default.AccountResponse, idempotent: true);

    /// <summary>GET /v1/devices.</summary>
    public DeviceListResponse GetDevices(string token) =>
        Send(HttpMethod.Get, AccountProtocol.DevicesRoute, token, null, ProtocolJsonContext.Default.DeviceListResponse, idempotent: true);

    /// <summary>DELETE /v1/devices/{id}.</summary>
    public void RevokeDevice(string token, Guid deviceId) =>
        SendEmpty(HttpMethod.Delete, AccountProtocol.DeviceRoutePrefix + deviceId.ToString("D"), token, ProblemContext.Device(deviceId));

    /// <summary>PUT /v1/account/key.</summary>
    public SessionResponse RotateAccountKey(string token, RotateAccountKeyRequest request) =>
        Send(HttpMethod.Put, AccountProtocol.AccountKeyRoute, token, Body(request, ProtocolJsonContext.Default.RotateAccountKeyRequest),
            ProtocolJsonContext.Default.SessionResponse, idempotent: false);

    /// <summary>
    /// GET /v1/sync/changes: the account's changes after sequence <paramref name="after"/>, at most
    /// <paramref name="limit"/>. Retried like every GET. The answer's shape is checked here
    /// (<see cref="SyncAnswers"/>); its sequences are the caller's to check.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative or <paramref name="limit"/> is not positive.</exception>
    public PullChangesResponse PullChanges(string token, long after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        string route = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AccountProtocol.SyncChangesRoute}?after={after}&limit={limit}");
        PullChangesResponse response = Send(HttpMethod.Get, route, token, null, ProtocolJsonContext.Default.PullChangesResponse, idempotent: true,
            largeAnswer: true);
        SyncAnswers.CheckPull(Server, response, after, limit);
        return response;
    }

    /// <summary>
    /// POST /v1/sync/changes. Retried like a GET: the change ids make a repeated push answer
    /// <see cref="SyncOutcomes.Duplicate"/> for what the first one stored. The answer must hold one
    /// well-formed result per change, in request order (<see cref="SyncAnswers"/>).
    /// </summary>
    public PushChangesResponse PushChanges(string token, PushChangesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PushChangesResponse response = Send(HttpMethod.Post, AccountProtocol.SyncChangesRoute, token, Body(request, ProtocolJsonContext.Default.PushChangesRequest),
            ProtocolJsonContext.Default.PushChangesResponse, idempotent: true);
        SyncAnswers.CheckPush(Server, request, response);
        return response;
    }

    /// <summary>PUT /v1/access/keys/{id}: registers a read-only access key (idempotent for the same hash).</summary>
    public void RegisterAccessKey(string token, Guid keyId, RegisterAccessKeyRequest request)
    {
        using HttpResponseMessage response = Execute(HttpMethod.Put, AccessProtocol.KeyRoutePrefix + keyId.ToString("D"), token,
            Body(request, AccessJsonContext.Default.RegisterAccessKeyRequest), idempotent: true, ProblemContext.General);
    }

    /// <summary>PUT /v1/access/keys/{id}/grants: replaces every grant of the key.</summary>
    public void PutAccessGrants(string token, Guid keyId, PutAccessGrantsRequest request)
    {
        using HttpResponseMessage response = Execute(HttpMethod.Put, AccessProtocol.KeyRoutePrefix + keyId.ToString("D") + AccessProtocol.GrantsSuffix, token,
            Body(request, AccessJsonContext.Default.PutAccessGrantsRequest), idempotent: true, ProblemContext.General);
    }

    /// <summary>DELETE /v1/access/keys/{id}: revokes the key; its grants are deleted at once (idempotent).</summary>
    public void RevokeAccessKey(string token, Guid keyId) =>
        SendEmpty(HttpMethod.Delete, AccessProtocol.KeyRoutePrefix + keyId.ToString("D"), token, ProblemContext.General);

    /// <summary>GET /v1/access/records with the key's own authorization (<paramref name="authorization"/>: key id, '.', base64url auth key).</summary>
    public AccessRecordsResponse ReadAccessRecords(string authorization)
    {
        using HttpResponseMessage response = Execute(HttpMethod.Get, AccessProtocol.RecordsRoute, new AuthenticationHeaderValue(AccessProtocol.Scheme, authorization),
            null, idempotent: true, ProblemContext.General, largeAnswer: true);
        try
        {
            byte[] bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return JsonSerializer.Deserialize(bytes, AccessJsonContext.Default.AccessRecordsResponse)
                ?? throw MSecureErrors.ServerProtocolError(Server, "the answer's body is empty.");
        }
        catch (JsonException exception)
        {
            throw MSecureErrors.ServerProtocolError(Server, "the answer to GET " + AccessProtocol.RecordsRoute + " is not the expected JSON.", exception);
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        _largeAnswerHttp.Dispose();
        _http.Dispose();
    }

    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private T Send<T>(HttpMethod method, string route, string? token, ByteArrayContent? body, JsonTypeInfo<T> typeInfo, bool idempotent,
        ProblemContext? context = null, bool largeAnswer = false)
    {
        using HttpResponseMessage response = Execute(method, route, token, body, idempotent, context ?? ProblemContext.General, largeAnswer);
        try
        {
            byte[] bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return JsonSerializer.Deserialize(bytes, typeInfo)
                ?? throw MSecureErrors.ServerProtocolError(Server, "the answer's body is empty.");
        }
        catch (JsonException exception)
        {
            throw MSecureErrors.ServerProtocolError(Server, $"the answer to {method} {route} is not the expected JSON.", exception);
        }
    }

    private void SendEmpty(HttpMethod method, string route, string token, ProblemContext context)
    {
        using HttpResponseMessage response = Execute(method, route, token, null, idempotent: true, context);
    }

    private HttpResponseMessage Execute(HttpMethod method, string route, string? token, ByteArrayContent? body, bool idempotent, ProblemContext context,
        bool largeAnswer = false) =>
        Execute(method, route, token is null ? null : new AuthenticationHeaderValue("Bearer", token), body, idempotent, context, largeAnswer);

    private HttpResponseMessage Execute(HttpMethod method, string route, AuthenticationHeaderValue? authorization, ByteArrayContent? body, bool idempotent,
        ProblemContext context, bool largeAnswer = false)
    {
        HttpClient http = largeAnswer ? _largeAnswerHttp : _http;
        ResiliencePipeline<HttpResponseMessage> pipeline = idempotent ? _idempotent : _nonIdempotent;
        byte[]? bodyBytes = body?.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        body?.Dispose();
        HttpResponseMessage response;
        try
        {
            response = pipeline.Execute(cancellationToken =>
            {
                using var request = new HttpRequestMessage(method, route.TrimStart('/'));
                request.Headers.Authorization = authorization;

                if (bodyBytes is not null)
                {
                    request.Content = new ByteArrayContent(bodyBytes);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                return http.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }, CancellationToken.None);
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(exception);
        }
        catch (OperationCanceledException exception)
        {
            throw MSecureErrors.ServerUnreachable(Server, "it did not answer in time.", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw ProblemAnswers.ToException(Server, response, context);
        }
    }

    private MSecureException Unreachable(HttpRequestException exception)
    {
        if (_certificateRejected || exception.HttpRequestError == HttpRequestError.SecureConnectionError && _fingerprint is null)
        {
            return MSecureErrors.ServerCertificateMismatch(Server, _fingerprint is not null);
        }

        string reason = exception.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "the connection was refused or failed.",
            HttpRequestError.NameResolutionError => "its host name does not resolve.",
            HttpRequestError.SecureConnectionError => "the TLS connection failed.",
            HttpRequestError.ResponseEnded => "the connection was closed before the answer was complete.",
            _ => "the request failed.",
        };
        return MSecureErrors.ServerUnreachable(Server, reason, exception);
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        bool valid = _fingerprint is null
            ? errors == SslPolicyErrors.None
            : certificate is not null && CertificateFingerprint.Matches(certificate, _fingerprint);
        if (!valid)
        {
            _certificateRejected = true;
        }

        return valid;
    }
}
