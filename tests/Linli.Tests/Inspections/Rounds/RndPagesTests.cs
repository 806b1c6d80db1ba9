using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Inspections.Data;
using Linli.Tests.Couriers.Pages;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Inspections.Rounds;

[Trait("Category", "Database")]
public sealed class RndPagesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task The_dispatcher_plans_from_the_page_and_moves_a_visit_with_its_form()
    {
        await using var app = await RndKit.StartAsync(new FakeTimeProvider(Now));
        var desk = await RndKit.DeskAsync(app);
        await RndKit.InspectorAsync(app, "insp-a");
        await RndKit.InspectorAsync(app, "insp-b");
        var visit = await RndKit.DueVisitAsync(app, 120.12, 30.32, Today.AddDays(-2));
        await RndKit.DueVisitAsync(app, 120.13, 30.33, Today);
        var path = $"/inspections/rounds?date={Today:yyyy-MM-dd}";

        var planned = await CourierPageKit.PostAsync(desk, path, "plan", ("date", "2026-12-01"), ("capacity", "5"));

        Assert.Contains("2", CourierPageKit.Status(planned));
        Assert.Equal(InspectionStatus.Planned, (await RndKit.InspectionAsync(app, visit)).Status);
        var owner = (await RndKit.InspectionAsync(app, visit)).Inspector!;
        var other = owner == "insp-a" ? "insp-b" : "insp-a";
        var moved = await CourierPageKit.PostAsync(desk, path, $"assign-{visit:N}", ("inspector", other), ("date", "2026-12-02"));

        Assert.Contains(other, CourierPageKit.Status(moved));
        var stored = await RndKit.InspectionAsync(app, visit);
        Assert.Equal((other, (DateOnly?)Today.AddDays(1), (int?)1), (stored.Inspector, stored.PlannedOn, stored.RouteOrder));
        var refused = await CourierPageKit.PostAsync(desk, path, "plan", ("date", "2026-12-01"), ("capacity", "0"));
        Assert.Contains("capacity", CourierPageKit.Alert(refused));
    }

    [Fact]
    public async Task The_desk_logs_a_hotline_call_on_the_board_and_the_crew_member_records_arrival_on_the_phone_page()
    {
        await using var app = await RndKit.StartAsync();
        var desk = await RndKit.DeskAsync(app);
        var member = await RndKit.InspectorAsync(app, "crew-1");
        await RndKit.PostAsync(desk, "/api/v1/repairs/crews", new { name = "一班", members = new[] { "crew-1" }, lon = 120.12, lat = 30.32 },
            System.Net.HttpStatusCode.Created);

        var board = await CourierPageKit.PostAsync(desk, "/repairs", "call", ("description", "饭店后厨漏气"), ("address", "测试路 5 号"),
            ("lon", "120.13"), ("lat", "30.33"), ("callerPhone", "13905710000"), ("source", "hotline"));

        Assert.Contains("一班", CourierPageKit.Status(board));
        var ticket = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/repairs"))[0];
        var id = ticket.GetProperty("id").GetGuid();
        var mine = await CourierPageKit.PageAsync(member, "/repairs/mine");
        Assert.Contains($"/repairs/{id}", mine);
        var page = await CourierPageKit.PostAsync(member, $"/repairs/{id}", "arrive");
        Assert.Contains("rnd-safe", page);
        var stored = await member.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{id}");
        Assert.Equal("OnSite", stored.GetProperty("ticket").GetProperty("status").GetString());
    }
}
