using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace MSecure.Core.Accounts;

/// <summary>
/// The retry policy of the account client (Polly): exponential backoff with jitter on failures that
/// a later attempt may not see. A connection that could not be made and a gateway answer (502, 503,
/// 504) are retried for every request; a timeout or a connection lost mid-answer only for requests
/// that may safely run twice (a sign-in consumes its challenge, so repeating it would fail anyway).
/// Certificate failures, 4xx answers and rate limiting are never retried.
/// </summary>
internal static class TransientFailures
{
    /// <summary>The pipeline for <paramref name="options"/>.</summary>
    internal static ResiliencePipeline<HttpResponseMessage> Pipeline(AccountServerOptions options, bool idempotent)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(exception => IsTransient(exception, idempotent))
                    .Handle<TaskCanceledException>(exception => idempotent && exception.InnerException is TimeoutException)
                    .HandleResult(response => IsTransient(response.StatusCode)),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = arguments =>
                {
                    // A retried answer is never read: release its connection.
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Whether an answer with this status may succeed later.</summary>
    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsTransient(HttpRequestException exception, bool idempotent) => exception.HttpRequestError switch
    {
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError => true,
        HttpRequestError.ResponseEnded => idempotent,
        _ => false,
    };
}
