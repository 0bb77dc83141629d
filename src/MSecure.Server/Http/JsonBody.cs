using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Http;

/// <summary>
/// Reads a request body strictly: media type application/json, at most
/// <see cref="AccountProtocol.MaxRequestBodyBytes"/> bytes or the route's own limit (413), then the
/// protocol's source-generated contract (unknown or missing members refused) and the request's own
/// checks (400).
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// The request, or the problem to answer instead. <paramref name="maxBytes"/> is the route's body
    /// limit; one above Kestrel's server-wide limit raises that for this request only.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> contract, Func<T, bool> isValid, CancellationToken cancellationToken,
        int maxBytes = AccountProtocol.MaxRequestBodyBytes)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.InvalidRequest());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request, maxBytes));
        }

        if (maxBytes > AccountProtocol.MaxRequestBodyBytes
            && request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = maxBytes;
        }

        // A declared length sizes the buffer; a chunked body gets room for the whole limit.
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? maxBytes) + 1);
        try
        {
            int length = 0;
            int read;
            while (length <= maxBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > maxBytes)
            {
                return (null, TooLarge(request, maxBytes));
            }

            T? value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), contract);
            return value is not null && isValid(value) ? (value, null) : (null, Problems.InvalidRequest());
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request, maxBytes));
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or IOException)
        {
            return (null, Problems.InvalidRequest());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>
    /// 413, closing the connection: the unread rest of the body cannot be drained, and a client that
    /// reused the connection would lose its next request.
    /// </summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(HttpRequest request, int maxBytes)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return Problems.PayloadTooLarge(maxBytes);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
