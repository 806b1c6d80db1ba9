using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Open311;

/// <summary>Issue #7 item 5: admins make, list, scope and revoke Open311 keys on /admin/open311-keys, as through the API.</summary>
[Trait("Category", "Database")]
public sealed partial class Open311KeysPageTests
{
    private const string Page = "/admin/open311-keys";

    [Fact]
    public async Task An_admin_makes_a_key_on_the_page_sees_its_secret_once_and_revokes_it()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Linli:Open311:Jurisdictions:0"] = "hz.example.org",
            ["Linli:Open311:Jurisdictions:1"] = "nb.example.org",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        var client = app.Client;

        var empty = await client.GetStringAsync(Page);
        Assert.Contains("type=\"checkbox\" id=\"jurisdiction-0\" name=\"jurisdiction\" value=\"hz.example.org\"", empty, StringComparison.Ordinal);
        Assert.Contains("<optgroup", empty, StringComparison.Ordinal);
        Assert.Contains("value=\"1101\"", empty, StringComparison.Ordinal);

        var created = await PostAsync(client, empty, "create-key", new()
        {
            ["Input.Name"] = "FixMyStreet 测试",
            ["Input.PerMinute"] = "500",
            ["jurisdiction"] = "hz.example.org",
            ["category"] = "1101",
        }, ("category", "1102"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var createdPage = await created.Content.ReadAsStringAsync();
        var secret = Secret().Match(createdPage).Groups[1].Value;
        Assert.StartsWith("o311_", secret, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", createdPage, StringComparison.Ordinal);

        var keys = await app.GetJsonAsync("/api/v1/open311/keys");
        var key = keys.EnumerateArray().Single();
        Assert.Equal("FixMyStreet 测试", key.GetProperty("name").GetString());
        Assert.Equal(["hz.example.org"], key.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetString()));
        Assert.Equal(["1101", "1102"], key.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(500, key.GetProperty("perMinute").GetInt32());
        Assert.StartsWith(key.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);

        var posted = await PostOpen311Async(app, secret);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());

        var listed = await client.GetStringAsync(Page);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("new-secret", listed, StringComparison.Ordinal);
        Assert.Contains(key.GetProperty("prefix").GetString()!, listed, StringComparison.Ordinal);
        Assert.Contains("data-label=\"请求数\">1</td>", WebUtility.HtmlDecode(listed), StringComparison.Ordinal);

        var id = key.GetProperty("id").GetString()!;
        var revoked = await PostAsync(client, listed, $"revoke-{id}", []);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var revokedPage = await revoked.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, revokedPage, StringComparison.Ordinal);
        Assert.Contains("key-revoked", revokedPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"revoke-{id}", revokedPage, StringComparison.Ordinal);
        Assert.NotNull((await app.GetJsonAsync("/api/v1/open311/keys"))[0].GetProperty("revokedAt").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostOpen311Async(app, secret)).StatusCode);
    }

    [Fact]
    public async Task The_page_refuses_what_the_api_refuses_and_makes_no_key()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.Client.GetStringAsync(Page);

        var answer = await PostAsync(app.Client, page, "create-key", new() { ["Input.Name"] = " ", ["Input.PerMinute"] = "0", ["category"] = "9999" });

        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("is required", html, StringComparison.Ordinal);
        Assert.Contains("category 9999 does not exist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("o311_", html, StringComparison.Ordinal);
        Assert.Empty((await app.GetJsonAsync("/api/v1/open311/keys")).EnumerateArray());
    }

    [Fact]
    public async Task Other_roles_are_refused_and_do_not_see_the_link()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        var staff = await app.ClientForAsync(Roles.StreetOfficer, "330105001");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync("/api/v1/open311/keys")).StatusCode);
        Assert.DoesNotContain(Page, await staff.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains(Page, await app.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields,
        params (string Name, string Value)[] more)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        all.AddRange(fields);
        all.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));
        return await client.PostAsync(Page, new FormUrlEncodedContent(all));
    }

    private static Task<HttpResponseMessage> PostOpen311Async(TestApp app, string secret)
    {
        var fields = Open311Client.Report();
        fields["api_key"] = secret;
        fields["jurisdiction_id"] = "hz.example.org";
        return app.Anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"new-secret\"[^>]*value=\"(o311_[A-Za-z0-9_-]+)\"")]
    private static partial Regex Secret();
}
