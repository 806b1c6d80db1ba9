using System.Diagnostics;

namespace Linli.ClusterTests;

/// <summary>
/// Debian's nginx in front of the nodes, configured like deploy/nginx/linli.conf: round robin for the
/// API and pages, a failed connection retried on the other node (never a POST that reached a node),
/// and SignalR's hubs sticky by client address with the WebSocket upgrade.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public NginxBalancer(int port, IEnumerable<int> upstreamPorts)
    {
        Port = port;
        _folder = Directory.CreateTempSubdirectory("linli-nginx-").FullName;
        // Workers may run as nobody when started by root: they only need to write their temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        }
        var servers = string.Join("\n", upstreamPorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;"));
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{_folder}}/body;
              proxy_temp_path {{_folder}}/proxy;
              fastcgi_temp_path {{_folder}}/fastcgi;
              uwsgi_temp_path {{_folder}}/uwsgi;
              scgi_temp_path {{_folder}}/scgi;
              map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
              upstream linli {
            {{servers}}
                keepalive 64;
              }
              # SignalR negotiates on one request and connects on the next: both must reach the same node.
              upstream linli_hubs {
                ip_hash;
            {{servers}}
              }
              server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 50m;
                location /hubs/ {
                  proxy_pass http://linli_hubs;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_read_timeout 120s;
                }
                location / {
                  proxy_pass http://linli;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_connect_timeout 1s;
                  proxy_next_upstream error timeout http_502 http_503;
                }
              }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _process = Process.Start(new ProcessStartInfo(nginx, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public async Task WaitListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await _process.StandardError.ReadToEndAsync() +
                    (File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : ""));
            }
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx did not listen on " + Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // nginx's workers may still hold a temp file for a moment; /tmp is cleaned anyway.
        }
    }
}
