using System.Diagnostics;
using System.Text;

namespace Linli.ClusterTests;

/// <summary>
/// One Linli process as an operator runs it (<c>dotnet Linli.dll</c> with settings in the
/// environment), on its own loopback port; killed with SIGKILL when a test says so, restarted on the
/// same port with the same settings.
/// </summary>
public sealed class LinliNode(string name, int port, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string Name { get; } = name;
    public int Port { get; } = port;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public bool IsRunning => _process is { HasExited: false };

    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 6000 ? text[^6000..] : text;
            }
        }
    }

    public void Start()
    {
        var app = ClusterPaths.AppDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "bin", "Release", "net10.0", "Linli.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Linli__NodeName"] = Name;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until /readyz answers 200 (database, Redis, region index, category model all ready).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < until)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{RecentLog}");
            }
            try
            {
                using var response = await Probe.GetAsync(new Uri(BaseAddress, "/readyz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{RecentLog}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining — a node dying in the middle of a peak.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
