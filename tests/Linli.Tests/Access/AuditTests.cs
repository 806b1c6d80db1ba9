using System.Net.Http.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Audit;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Access;

[Trait("Category", "Database")]
public sealed class AuditTests
{
    [Fact]
    public async Task Sign_ins_changes_and_failures_are_recorded_with_user_target_and_outcome()
    {
        await using var app = await TestApp.StartAsync();
        await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "Wrong-password-1" });
        await app.ImportAsync(RegionFile.SampleTree().ToString());

        var all = await app.GetJsonAsync("/api/v1/audit?pageSize=500");
        var items = all.GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(items, e => e.GetProperty("action").GetString() == "sign-in.token" && e.GetProperty("outcome").GetString() == "failure");
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "sign-in.token" && e.GetProperty("outcome").GetString() == "success");
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "two-factor.enable");
        var import = Assert.Single(items, e => e.GetProperty("action").GetString() == "regions.import");
        Assert.Equal("admin", import.GetProperty("userName").GetString());
        Assert.Contains("5 grid", import.GetProperty("detail").GetString());
        var filtered = await app.GetJsonAsync("/api/v1/audit?action=regions.import&outcome=success");
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Verify_finds_an_intact_chain_and_names_exactly_the_entry_that_was_edited()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "Wrong-password-1" });

        var intact = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(["audit", "verify"], app.Factory.Services, intact));
        Assert.Contains("intact", intact.ToString());

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            Assert.True(await db.AuditEntries.CountAsync() >= 5);
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Detail\" = 'tampered' WHERE \"Sequence\" = 3");
        }
        var broken = new StringWriter();
        var exit = await AuditCommand.RunAsync(["audit", "verify"], app.Factory.Services, broken);

        Assert.Equal(1, exit);
        Assert.Contains("BROKEN at entry 3:", broken.ToString());
        Assert.Contains("entry 3 was altered", broken.ToString());
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain_where_it_was()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 2");
        }
        var output = new StringWriter();

        Assert.Equal(1, await AuditCommand.RunAsync(["audit", "verify"], app.Factory.Services, output));
        Assert.Contains("entry 2 is missing", output.ToString());
    }
}
