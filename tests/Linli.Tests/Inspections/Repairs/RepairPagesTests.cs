using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Inspections.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Inspections.Repairs;

[Trait("Category", "Database")]
public sealed class RepairPagesTests
{
    [Fact]
    public async Task The_board_lists_a_waiting_emergency_first_and_the_detail_shows_its_time_line_and_the_dispatch_form()
    {
        await using var app = await RndKit.StartAsync();
        var desk = await RndKit.DeskAsync(app);
        var created = await RndKit.PostAsync(desk, "/api/v1/repairs",
            new { kind = "emergency", description = "地下室液化气泄漏", address = "测试路 3 号", lon = 120.13, lat = 30.33 }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/repairs"));
        var detail = WebUtility.HtmlDecode(await desk.GetStringAsync($"/repairs/{id}"));

        Assert.Contains("rnd-waiting", board);
        Assert.Contains(created.GetProperty("number").GetString()!, board);
        Assert.Contains("id=\"rnd-repairs-map\"", board);
        Assert.Contains("地下室液化气泄漏", detail);
        Assert.Contains("rnd-timeline", detail);
        Assert.Contains("name=\"crewId\"", detail);
    }

    [Fact]
    public async Task The_staff_directory_names_a_departments_inspectors_and_no_one_else()
    {
        await using var app = await RndKit.StartAsync();
        await RndKit.InspectorAsync(app, "gas-b");
        await RndKit.InspectorAsync(app, "gas-a");
        await RndKit.InspectorAsync(app, "water-a", "SW");
        await RndKit.DeskAsync(app);

        var names = await app.Factory.Services.GetRequiredService<IStaffDirectory>().UserNamesInDepartmentAsync(Roles.Inspector, "GAS");

        Assert.Equal(["gas-a", "gas-b"], names);
    }
}
