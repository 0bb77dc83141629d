using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.ServerBench;

/// <summary>
/// One registered account as a device sees it: a P-256 key (the server cannot tell it from one
/// derived from an Account Key), its device id and a current token.
/// </summary>
internal sealed class BenchAccount : IDisposable
{
    private static ProtocolJsonContext Json => ProtocolJsonContext.Default;

    private BenchAccount(Guid accountId, string email, ECDsa key)
    {
        AccountId = accountId;
        Email = email;
        Key = key;
    }

    public Guid AccountId { get; }

    public string Email { get; }

    public ECDsa Key { get; }

    public Guid DeviceId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public static async Task<BenchAccount> RegisterAsync(HttpClient http)
    {
        var account = new BenchAccount(Guid.NewGuid(), $"bench-{Guid.NewGuid():N}@example.test", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        byte[] publicKey = account.PublicKey();
        byte[] verifier = RandomNumberGenerator.GetBytes(142);
        var request = new RegisterAccountRequest
        {
            AccountId = account.AccountId,
            Email = account.Email,
            PublicKey = publicKey,
            Verifier = verifier,
            DeviceName = "bench",
            InviteCode = null,
            Signature = account.Sign(SignedStatements.Registration(account.AccountId, account.Email, publicKey, verifier)),
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(AccountProtocol.RegisterRoute, request, Json.RegisterAccountRequest);
        account.Adopt(await ReadAsync(response, Json.SessionResponse, "register"));
        return account;
    }

    /// <summary>Challenge, then the signed sign-in as the account's device: one sign-in.</summary>
    public async Task SignInAsync(HttpClient http)
    {
        using HttpResponseMessage challengeResponse = await http.PostAsJsonAsync(AccountProtocol.ChallengeRoute, new ChallengeRequest { Email = Email }, Json.ChallengeRequest);
        ChallengeResponse challenge = await ReadAsync(challengeResponse, Json.ChallengeResponse, "challenge");
        var request = new SignInRequest
        {
            ChallengeId = challenge.ChallengeId,
            AccountId = AccountId,
            DeviceId = DeviceId,
            DeviceName = "bench",
            Signature = Sign(SignedStatements.SignIn(challenge.ChallengeId, challenge.Nonce, AccountId)),
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(AccountProtocol.SignInRoute, request, Json.SignInRequest);
        Adopt(await ReadAsync(response, Json.SessionResponse, "sign-in"));
    }

    /// <summary>GET /v1/account with the bearer token: what a new device downloads to check its Account Key.</summary>
    public async Task FetchVerifierAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountProtocol.AccountRoute);
        request.Headers.Authorization = new("Bearer", Token);
        using HttpResponseMessage response = await http.SendAsync(request);
        AccountResponse account = await ReadAsync(response, Json.AccountResponse, "verifier fetch");
        if (account.AccountId != AccountId || account.Verifier.Length == 0)
        {
            throw new InvalidOperationException("The server answered GET /v1/account with another account.");
        }
    }

    public void Dispose() => Key.Dispose();

    private void Adopt(SessionResponse session)
    {
        DeviceId = session.DeviceId;
        Token = session.Token;
    }

    private byte[] Sign(byte[] statement) =>
        Key.SignData(statement, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private byte[] PublicKey()
    {
        ECParameters parameters = Key.ExportParameters(false);
        byte[] point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        return point;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> contract, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync(contract) ?? throw new InvalidOperationException($"{what}: empty answer.");
    }
}
