using System;
using Microsoft.Extensions.Logging;

namespace MSecure.Server;

/// <summary>
/// Every log event of the server. Events name accounts and devices by id and emails only by
/// <see cref="Security.EmailKeys.LogReference"/>; no token, signature, key, verifier, email or sync envelope is ever a parameter.
/// </summary>
internal sealed partial class ServerLog
{
    private ServerLog()
    {
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Account {AccountId} registered device {DeviceId} (email ref {EmailRef})")]
    public static partial void Registered(ILogger logger, Guid accountId, Guid deviceId, string emailRef);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Account {AccountId} signed in device {DeviceId}")]
    public static partial void SignedIn(ILogger logger, Guid accountId, Guid deviceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Sign-in refused ({Reason})")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Account {AccountId} revoked device {DeviceId}")]
    public static partial void DeviceRevoked(ILogger logger, Guid accountId, Guid deviceId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Account {AccountId} rotated its key to generation {KeyGeneration} from device {DeviceId}")]
    public static partial void KeyRotated(ILogger logger, Guid accountId, long keyGeneration, Guid deviceId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Request failed with an unhandled {ExceptionType}")]
    public static partial void Unhandled(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Database {Database} at schema version {Version}")]
    public static partial void SchemaReady(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Account {AccountId} device {DeviceId} pulled {Count} changes after sequence {After}")]
    public static partial void Pulled(ILogger logger, Guid accountId, Guid deviceId, int count, long after);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Account {AccountId} device {DeviceId} pushed {Accepted} accepted, {Duplicates} duplicate and {Conflicts} conflicting changes (latest sequence {Latest})")]
    public static partial void Pushed(ILogger logger, Guid accountId, Guid deviceId, int accepted, int duplicates, int conflicts, long latest);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Account {AccountId} device {DeviceId} push refused ({Reason})")]
    public static partial void PushRefused(ILogger logger, Guid accountId, Guid deviceId, Storage.PushRefusal reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Account {AccountId} registered access key {KeyId}")]
    public static partial void AccessKeyRegistered(ILogger logger, Guid accountId, Guid keyId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Account {AccountId} revoked access key {KeyId}")]
    public static partial void AccessKeyRevoked(ILogger logger, Guid accountId, Guid keyId);
}
