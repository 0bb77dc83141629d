using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Storage;

namespace MSecure.Server.Endpoints;

/// <summary>A stored session as the wire's <see cref="SessionResponse"/>.</summary>
internal static class SessionResponses
{
    public static SessionResponse ToResponse(this Session session) =>
        new() { Token = session.Token, ExpiresAt = session.ExpiresAt, DeviceId = session.DeviceId };
}
