using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Access;

[Trait("Category", "Database")]
public sealed partial class SignInTests
{
    private const string Password = "Pass-word-2026x";

    [Fact]
    public async Task A_token_has_the_oauth_shape_and_opens_the_api()
    {
        await using var app = await TestApp.StartAsync();
        await CreateUserAsync(app, "gridworker", Roles.Courier);

        var response = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "gridworker", password = Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(3600, token.GetProperty("expires_in").GetInt32());
        using var client = app.Factory.ClientWithToken(token.GetProperty("access_token").GetString()!);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/locate?lon=1&lat=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.GetAsync("/api/v1/locate?lon=1&lat=1")).StatusCode);
    }

    [Theory]
    [InlineData("nobody", Password)]
    [InlineData("someone", "Wrong-password-1")]
    public async Task Wrong_credentials_are_a_401_problem_that_does_not_say_which_part_was_wrong(string username, string password)
    {
        await using var app = await TestApp.StartAsync();
        await CreateUserAsync(app, "someone", Roles.Resident);

        var response = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sign-in failed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = await TestApp.StartAsync();
        await CreateUserAsync(app, "forgetful", Roles.Resident);
        for (var i = 0; i < 5; i++)
        {
            await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "forgetful", password = $"Wrong-pass-{i}x" });
        }

        var response = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "forgetful", password = Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Account locked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var user = (await app.GetJsonAsync("/api/v1/users?role=resident")).EnumerateArray().Single();
        Assert.True(user.GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task With_two_factor_on_a_token_needs_the_current_code()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        await CreateUserAsync(app, "careful", Roles.GridWorker, "330105");
        var key = await app.Factory.EnableTwoFactorAsync(await app.Factory.TokenAsync("careful", Password));

        var withoutCode = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "careful", password = Password });
        var wrongCode = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "careful", password = Password, totp = "000000" });
        var rightCode = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "careful", password = Password, totp = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.True((await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
    }

    [Fact]
    public async Task An_admin_without_a_second_factor_may_only_set_one_up()
    {
        await using var app = await TestApp.StartAsync();
        await CreateUserAsync(app, "admin2", Roles.Admin);
        var token = await app.Factory.TokenAsync("admin2", Password);
        using var client = app.Factory.ClientWithToken(token);

        var users = await client.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Contains("two-factor", (await users.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/two-factor")).StatusCode);

        var key = await app.Factory.EnableTwoFactorAsync(token);
        using var strong = app.Factory.ClientWithToken(await app.Factory.TokenAsync("admin2", Password, key));
        Assert.Equal(HttpStatusCode.OK, (await strong.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await strong.PostAsync("/api/v1/auth/two-factor/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_client_with_a_429_problem_and_retry_after()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string> { ["Linli:RateLimits:SignInPerMinute"] = "4" });
        HttpResponseMessage? last = null;
        // TestApp itself used up to three of this minute's permits to sign the admin in.
        for (var i = 0; i < 6; i++)
        {
            last = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "x" });
            if (last.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_sign_in_page_signs_in_with_a_cookie_and_pages_then_open()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        await CreateUserAsync(app, "desk", Roles.StreetOfficer, "330105001");
        using var browser = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Contains("/account/login", (await browser.GetAsync("/")).Headers.Location?.OriginalString);
        var form = await browser.GetStringAsync("/account/login");
        Assert.Contains("用户名", System.Net.WebUtility.HtmlDecode(form));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Username"] = "desk",
            ["Input.Password"] = Password,
        };
        var posted = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("330105001", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/regions/330105002")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    internal static async Task CreateUserAsync(TestApp app, string username, string role, string? scope = null)
    {
        var response = await app.Client.PostAsJsonAsync("/api/v1/users", new
        {
            username,
            password = Password,
            displayName = "测试员",
            phone = "13700001234",
            assignments = new[] { new { role, scope, department = role is Roles.DepartmentHandler or Roles.Inspector ? "CG" : null } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
