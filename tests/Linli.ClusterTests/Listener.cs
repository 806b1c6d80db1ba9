using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Linli.ClusterTests;

/// <summary>A browser-less SignalR client on the case hub that remembers every caseChanged message by case number.</summary>
internal sealed class Listener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _waiting = [];

    private Listener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("caseChanged", message =>
        {
            if (message.TryGetProperty("number", out var n) && n.GetString() is { } number)
            {
                Slot(number).TrySetResult(message);
            }
        });
    }

    public static async Task<Listener> StartAsync(Uri node, HttpTransportType transport, string token)
    {
        var listener = new Listener(new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/cases"), o =>
            {
                o.Transports = transport;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build());
        await listener._connection.StartAsync();
        return listener;
    }

    public Task<JsonElement> Received(string number) => Slot(number).Task;

    private TaskCompletionSource<JsonElement> Slot(string number)
    {
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(number, out var slot))
            {
                _waiting[number] = slot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return slot;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
