using System;

namespace MSecure.Core.Accounts;

/// <summary>What a request was about, so that a generic problem code gets a specific error (a 404 on a device is DeviceNotFound).</summary>
internal sealed record ProblemContext(Guid? DeviceId, bool IsRegistration)
{
    /// <summary>Any request.</summary>
    internal static ProblemContext General { get; } = new(null, false);

    /// <summary>A registration.</summary>
    internal static ProblemContext Registration { get; } = new(null, true);

    /// <summary>A request about device <paramref name="deviceId"/>.</summary>
    internal static ProblemContext Device(Guid deviceId) => new(deviceId, false);
}
