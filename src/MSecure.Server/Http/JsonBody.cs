using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Http;

/// <summary>
/// Reads a request body strictly: media type application/json, at most
/// <see cref="AccountProtocol.MaxRequestBodyBytes"/> bytes (413), then the protocol's source-generated
/// contract (unknown or missing members refused) and the request's own checks (400).
/// </summary>
internal static class JsonBody
{
    /// <summary>The request, or the problem to answer instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> contract, Func<T, bool> isValid, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.InvalidRequest());
        }

        if (request.ContentLength > AccountProtocol.MaxRequestBodyBytes)
        {
            return (null, TooLarge(request));
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(AccountProtocol.MaxRequestBodyBytes + 1);
        try
        {
            int length = 0;
            int read;
            while (length <= AccountProtocol.MaxRequestBodyBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > AccountProtocol.MaxRequestBodyBytes)
            {
                return (null, TooLarge(request));
            }

            T? value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), contract);
            return value is not null && isValid(value) ? (value, null) : (null, Problems.InvalidRequest());
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request));
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
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(HttpRequest request)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return Problems.PayloadTooLarge();
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
