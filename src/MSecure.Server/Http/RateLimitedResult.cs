using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MSecure.Server.Http;

/// <summary>429 RateLimited with its Retry-After header (whole seconds, at least 1).</summary>
internal sealed class RateLimitedResult(TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.RateLimited().ExecuteAsync(httpContext);
    }
}
