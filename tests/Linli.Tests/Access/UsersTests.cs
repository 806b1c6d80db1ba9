using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Access;

[Trait("Category", "Database")]
public sealed class UsersTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.ImportAsync(RegionFile.SampleTree().ToString());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> CreateAsync(object body) => _app.Client.PostAsJsonAsync("/api/v1/users", body);

    private static object GridWorker(string username = "zhang", string phone = "13812345678", string? idNumber = "33010519850101003X") => new
    {
        username,
        password = "Pass-word-2026x",
        displayName = "张三明",
        phone,
        idNumber,
        assignments = new[] { new { role = "grid-worker", scope = "330105001001001" } },
    };

    [Fact]
    public async Task A_created_account_is_shown_with_its_personal_data_masked()
    {
        var response = await CreateAsync(GridWorker());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/users/{user.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("张*明", user.GetProperty("displayName").GetString());
        Assert.Equal("138****5678", user.GetProperty("phone").GetString());
        Assert.Equal("330105********003X", user.GetProperty("idNumber").GetString());
        var assignment = user.GetProperty("assignments")[0];
        Assert.Equal("grid-worker", assignment.GetProperty("role").GetString());
        Assert.Equal("330105001001001", assignment.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Bad_fields_are_all_named_in_one_400()
    {
        var response = await CreateAsync(new
        {
            username = "x",
            password = "short",
            displayName = "",
            phone = "12345",
            idNumber = "330105198501010011",
            assignments = new object[]
            {
                new { role = "grid-worker" },
                new { role = "mayor" },
                new { role = "community-staff", scope = "999999999999" },
                new { role = "department-handler" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "username", "displayName", "phone", "idNumber", "assignments[0].scope", "assignments[1].role", "assignments[2].scope", "assignments[3].department" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_policy_reason()
    {
        var body = JsonSerializer.SerializeToElement(GridWorker());
        var weak = JsonSerializer.Deserialize<Dictionary<string, object>>(body.GetRawText())!;
        weak["password"] = "alllowercase";

        var response = await CreateAsync(weak);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_taken_username_is_a_409()
    {
        await CreateAsync(GridWorker());
        Assert.Equal(HttpStatusCode.Conflict, (await CreateAsync(GridWorker())).StatusCode);
    }

    [Fact]
    public async Task Accounts_are_found_by_exact_phone_or_id_number_through_the_keyed_hash()
    {
        await CreateAsync(GridWorker("zhang", "13812345678", "33010519850101003X"));
        await CreateAsync(GridWorker("li", "13987654321", null));

        var byPhone = await _app.GetJsonAsync("/api/v1/users?phone=138-1234-5678");
        var byId = await _app.GetJsonAsync("/api/v1/users?idNumber=33010519850101003x");
        var none = await _app.GetJsonAsync("/api/v1/users?phone=13800000000");

        Assert.Equal("zhang", Assert.Single(byPhone.EnumerateArray()).GetProperty("username").GetString());
        Assert.Equal("zhang", Assert.Single(byId.EnumerateArray()).GetProperty("username").GetString());
        Assert.Empty(none.EnumerateArray());
    }

    [Fact]
    public async Task Unmasking_needs_a_reason_and_is_written_to_the_audit_trail()
    {
        var id = (await (await CreateAsync(GridWorker())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var noReason = await _app.Client.PostAsJsonAsync($"/api/v1/users/{id}/unmask", new { reason = "" });
        var unmasked = await _app.Client.PostAsJsonAsync($"/api/v1/users/{id}/unmask", new { reason = "核实网格员身份 verify identity" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var data = await unmasked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("张三明", data.GetProperty("displayName").GetString());
        Assert.Equal("13812345678", data.GetProperty("phone").GetString());
        Assert.Equal("33010519850101003X", data.GetProperty("idNumber").GetString());
        var audit = await _app.GetJsonAsync("/api/v1/audit?action=personal-data.unmask");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
        Assert.Equal("user:zhang", entry.GetProperty("target").GetString());
        Assert.Contains("verify identity", entry.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Changing_an_assignment_changes_what_the_account_may_read()
    {
        var id = (await (await CreateAsync(GridWorker())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var worker = _app.Factory.ClientWithToken(await _app.Factory.TokenAsync("zhang", "Pass-word-2026x"));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/regions/330105001001002")).StatusCode);

        var updated = await _app.Client.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            assignments = new[] { new { role = "grid-worker", scope = "330105001001002" } },
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/regions/330105001001002")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/regions/330105001001001")).StatusCode);
        var roots = await worker.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        Assert.Equal("330105001001002", Assert.Single(roots.EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Accounts_are_deleted_but_never_the_last_admin_nor_oneself()
    {
        var id = (await (await CreateAsync(GridWorker())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Client.DeleteAsync($"/api/v1/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.GetAsync($"/api/v1/users/{id}")).StatusCode);

        var admin = Assert.Single((await _app.GetJsonAsync("/api/v1/users?role=admin")).EnumerateArray());
        var adminId = admin.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await _app.Client.DeleteAsync($"/api/v1/users/{adminId}")).StatusCode);
        var demote = await _app.Client.PutAsJsonAsync($"/api/v1/users/{adminId}", new { assignments = new[] { new { role = "resident" } } });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
    }
}
