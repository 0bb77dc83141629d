using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using Xunit;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>The protocol's requests over a pinned HttpClient, and assertions on its answers.</summary>
public sealed class ProtocolClient(HttpClient http)
{
    public static ProtocolJsonContext Json => ProtocolJsonContext.Default;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, route) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendJsonAsync<T>(HttpMethod method, string route, T body, JsonTypeInfo<T> contract, string? token = null) =>
        SendAsync(method, route, token, RawJson(JsonSerializer.Serialize(body, contract)));

    public Task<HttpResponseMessage> PostRawAsync(string route, string body, string? token = null) =>
        SendAsync(HttpMethod.Post, route, token, RawJson(body));

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> RegisterAsync(TestAccount account, string deviceName = "device 1", string? inviteCode = null) =>
        SendJsonAsync(HttpMethod.Post, AccountProtocol.RegisterRoute, account.RegisterRequest(deviceName, inviteCode), Json.RegisterAccountRequest);

    public async Task<SessionResponse> RegisterOkAsync(TestAccount account, string deviceName = "device 1")
    {
        using HttpResponseMessage response = await RegisterAsync(account, deviceName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync(response, Json.SessionResponse);
    }

    public async Task<ChallengeResponse> ChallengeAsync(string email)
    {
        using HttpResponseMessage response = await SendJsonAsync(HttpMethod.Post, AccountProtocol.ChallengeRoute, new ChallengeRequest { Email = email }, Json.ChallengeRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response, Json.ChallengeResponse);
    }

    public Task<HttpResponseMessage> SignInAsync(SignInRequest request) =>
        SendJsonAsync(HttpMethod.Post, AccountProtocol.SignInRoute, request, Json.SignInRequest);

    public async Task<HttpResponseMessage> SignInAsync(TestAccount account, Guid? deviceId = null, string deviceName = "device") =>
        await SignInAsync(account.SignInRequest(await ChallengeAsync(account.Email), deviceId, deviceName));

    public async Task<SessionResponse> SignInOkAsync(TestAccount account, Guid? deviceId = null, string deviceName = "device")
    {
        using HttpResponseMessage response = await SignInAsync(account, deviceId, deviceName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response, Json.SessionResponse);
    }

    public Task<HttpResponseMessage> GetAsync(string route, string? token) => SendAsync(HttpMethod.Get, route, token);

    public async Task<AccountResponse> GetAccountOkAsync(string token)
    {
        using HttpResponseMessage response = await GetAsync(AccountProtocol.AccountRoute, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response, Json.AccountResponse);
    }

    public async Task<DeviceListResponse> GetDevicesOkAsync(string token)
    {
        using HttpResponseMessage response = await GetAsync(AccountProtocol.DevicesRoute, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response, Json.DeviceListResponse);
    }

    public Task<HttpResponseMessage> RevokeAsync(Guid deviceId, string token) =>
        SendAsync(HttpMethod.Delete, AccountProtocol.DeviceRoutePrefix + deviceId, token);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> contract)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        T? value = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), contract);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and code; returns the raw body.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(AccountProtocol.ProblemMediaType, response.Content.Headers.ContentType?.MediaType);
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("type").GetString()));
        Assert.True(root.TryGetProperty("detail", out _));
        return body;
    }
}
