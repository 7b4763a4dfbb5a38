using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FsmGen.Samples.ErrorRecovery;

/// <summary>
/// A tiny HTTP service on 127.0.0.1 whose health the demo controls: it answers 503 for the next
/// <see cref="FailNext"/> requests (or all of them while <see cref="Down"/>), and <see cref="Body"/> otherwise.
/// </summary>
internal sealed class FlakyHttpService : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _failNext;

    public FlakyHttpService()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseAddress { get; }

    public int Requests { get; private set; }

    public string Body { get; set; } = "42";

    public bool Down { get; set; }

    public int FailNext
    {
        set => _failNext = value;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stop() ends the pending GetContextAsync with this exception.
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            Requests++;
            var failing = Down || Interlocked.Decrement(ref _failNext) >= 0;
            context.Response.StatusCode = failing ? 503 : 200;
            var body = Encoding.UTF8.GetBytes(failing ? "busy" : Body);
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
