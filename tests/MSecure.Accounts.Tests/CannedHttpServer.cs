using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Accounts.Tests;

/// <summary>
/// A plain-HTTP server on loopback that answers each request with the next canned response (the last
/// one repeats), closing the connection after each, and counts the requests: for client behaviour a
/// real server does not show on demand (gateway errors, bodies outside the protocol).
/// </summary>
internal sealed class CannedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _responses = new();
    private readonly CancellationTokenSource _stop = new();
    private string _last = string.Empty;
    private int _requests;

    public CannedHttpServer(params string[] responses)
    {
        foreach (string response in responses)
        {
            _responses.Enqueue(response);
        }

        _listener.Start();
        Server = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(ServeAsync);
    }

    public Uri Server { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static string Response(int status, string contentType, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}Connection: close\r\n\r\n{body}";

    public static string Problem(int status, string code, string extraHeaders = "") =>
        Response(status, "application/problem+json", $"{{\"type\":\"about:blank\",\"title\":\"t\",\"status\":{status},\"detail\":\"d\",\"code\":\"{code}\"}}", extraHeaders);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                NetworkStream stream = client.GetStream();
                await ReadRequestAsync(stream);
                Interlocked.Increment(ref _requests);
                if (_responses.TryDequeue(out string? next))
                {
                    _last = next;
                }

                await stream.WriteAsync(Encoding.UTF8.GetBytes(_last));
            }
        }
    }

    private static async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true)
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            string text = received.ToString();
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            int length = 0;
            foreach (string line in text[..end].Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (text.Length >= end + 4 + length)
            {
                return;
            }
        }
    }
}
