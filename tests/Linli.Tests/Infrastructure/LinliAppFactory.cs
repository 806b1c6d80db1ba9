using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Tests.Infrastructure;

/// <summary>The whole app in process over a private database and key folder (rule 15).</summary>
public sealed class LinliAppFactory(string connectionString, string demoCity = "none", string? keysPath = null,
    IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Test-2026x";
    public const string DemoPassword = "Demo-Test-2026x";

    public string KeysPath { get; } = keysPath ?? Path.Combine(Path.GetTempPath(), $"linli-keys-{Guid.NewGuid():N}");

    /// <summary>What the development SMS sender wrote to the log (one-time codes).</summary>
    public SmsLog Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Sms));
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program.cs builds the host.
        builder.UseSetting("ConnectionStrings:Linli", connectionString);
        builder.UseSetting("Linli:DemoCity", demoCity);
        builder.UseSetting("Linli:RegionIndexPollSeconds", "0.2");
        // Tests add carriageways straight to the database: every look-up checks whether the network moved.
        builder.UseSetting("Linli:Traffic:NetworkRefreshSeconds", "0");
        builder.UseSetting("Linli:KeysPath", KeysPath);
        builder.UseSetting("Linli:AdminPassword", AdminPassword);
        builder.UseSetting("Linli:DemoPassword", DemoPassword);
        builder.UseSetting("Linli:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("Linli:RateLimits:PublicPerMinute", "10000");
        // Tests drive escalation sweeps by hand.
        builder.UseSetting("Linli:EscalationSweepSeconds", "0");
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task StartAsync()
    {
        using var client = CreateClient();
        await WaitUntilReadyAsync(client);
    }

    /// <summary>Waits for /readyz: the database reachable and the region index loaded.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client, int seconds = 60)
    {
        var deadline = Environment.TickCount64 + seconds * 1000L;
        while (true)
        {
            var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Linli not ready after {seconds} s: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A bearer token for the account (with a TOTP code when a key is given).</summary>
    public async Task<string> TokenAsync(string username, string password, string? authenticatorKey = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new
        {
            username,
            password,
            totp = authenticatorKey is null ? null : Totp.Code(authenticatorKey),
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {username} refused: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Turns on two-factor sign-in for the account behind the token; returns the authenticator key.</summary>
    public async Task<string> EnableTwoFactorAsync(string token)
    {
        using var client = ClientWithToken(token);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/two-factor");
        var key = status.GetProperty("sharedKey").GetString()!;
        var enabled = await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key) });
        if (!enabled.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Two-factor not enabled: {await enabled.Content.ReadAsStringAsync()}");
        }
        return key;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && keysPath is null)
        {
            try
            {
                Directory.Delete(KeysPath, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder.
            }
        }
    }
}
