using System;
using MSecure.Core.Accounts.Protocol;
using Xunit;

namespace MSecure.Accounts.Tests;

public sealed class ProtocolMessageTextTests
{
    private static readonly byte[] Secret = [0xde, 0xad, 0xbe, 0xef, 0x01];

    [Fact]
    public void ToString_NeverShowsTokensSignaturesOrEnvelopes()
    {
        const string token = "mst_secret-token-value";
        object[] messages =
        [
            new SessionResponse { Token = token, ExpiresAt = DateTimeOffset.UnixEpoch, DeviceId = Guid.NewGuid() },
            new SignInRequest { ChallengeId = Guid.NewGuid(), AccountId = Guid.NewGuid(), DeviceId = null, DeviceName = "d", Signature = Secret },
            new RegisterAccountRequest { AccountId = Guid.NewGuid(), Email = "someone@example.com", PublicKey = Secret, Verifier = Secret, DeviceName = "d", InviteCode = "invite-secret", Signature = Secret },
            new AccountResponse { AccountId = Guid.NewGuid(), Email = "someone@example.com", PublicKey = Secret, Verifier = Secret, DeviceId = Guid.NewGuid() },
            new RotateAccountKeyRequest { ChallengeId = Guid.NewGuid(), NewPublicKey = Secret, NewVerifier = Secret, OldKeySignature = Secret, NewKeySignature = Secret },
        ];

        foreach (object message in messages)
        {
            string text = message.ToString()!;
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("someone@example.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("invite-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Secret), text, StringComparison.Ordinal);
            Assert.DoesNotContain("Byte[]", text, StringComparison.Ordinal);
        }
    }
}
