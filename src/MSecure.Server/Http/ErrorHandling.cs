using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MSecure.Server.Http;

/// <summary>
/// The outermost middleware: an unhandled exception becomes 500 ServerError with no detail, and only
/// the exception's type is logged (messages of database drivers may quote data).
/// </summary>
internal sealed class ErrorHandling(RequestDelegate next, ILogger<ServerLog> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await (exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.PayloadTooLarge() : Problems.InvalidRequest()).ExecuteAsync(context);
        }
#pragma warning disable CA1031 // The last line of defence: every failure must become a bodiless 500.
        catch (Exception exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            ServerLog.Unhandled(log, exception.GetType().FullName ?? "exception");
            context.Response.Clear();
            await Problems.ServerError().ExecuteAsync(context);
        }
    }
}
