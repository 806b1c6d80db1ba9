using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linli.Tests.Traffic.Incidents;

/// <summary>The desk, the incident page and the crew's phone page, server-rendered, with their forms.</summary>
[Trait("Category", "Database")]
public sealed partial class IncidentPagesTests
{
    [Fact]
    public async Task The_desk_takes_a_call_through_its_form_and_shows_it_open_with_its_targets_and_a_suggested_crew()
    {
        var (app, _) = await IncKit.StartAsync();
        await using var __ = app;
        var desk = await IncKit.DeskAsync(app);
        await IncKit.CrewAsync(desk, "巡查一组", "patrol", 101_200);
        var page = await desk.GetStringAsync("/traffic/incidents");

        var posted = await PostFormAsync(desk, "/traffic/incidents", page, "report", ("category", "2202"), ("source", "hotline"), ("route", "G60"),
            ("direction", "up"), ("stake", "K101+000"), ("lanesBlocked", "1"), ("description", "路面有散落的轮胎"), ("callerPhone", "13812345678"));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("已登记 SG-20261201-0001", html);
        Assert.Contains("路面有散落的轮胎", html);
        Assert.Contains("inc-green", html); // every target still running
        Assert.Contains("巡查一组", html);
        Assert.Contains("name=\"crew\"", html);

        var bad = WebUtility.HtmlDecode(await (await PostFormAsync(desk, "/traffic/incidents", page, "report", ("category", "2201"), ("route", "G60"),
            ("direction", "up"), ("stake", "K999+000"), ("description", "x"))).Content.ReadAsStringAsync());
        Assert.Contains("id=\"inc-errors\"", bad);
        Assert.Contains("location:", bad);
    }

    [Fact]
    public async Task The_incident_page_shows_the_time_line_against_the_targets_and_the_crew_records_on_scene_from_the_phone()
    {
        var (app, clock) = await IncKit.StartAsync();
        await using var __ = app;
        var desk = await IncKit.DeskAsync(app);
        var member = await IncKit.CrewMemberAsync(app, "roadcrew-p");
        var crew = await IncKit.CrewAsync(desk, "清障二组", "clearance", 101_500, "roadcrew-p");
        var id = (await IncKit.ReportAsync(desk)).GetProperty("id").GetGuid();
        clock.Advance(TimeSpan.FromMinutes(2));
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/dispatch", new { crewIds = new[] { crew } });

        var detail = WebUtility.HtmlDecode(await desk.GetStringAsync($"/traffic/incidents/{id}"));
        Assert.Contains("id=\"inc-targets\"", detail);
        Assert.Contains("inc-red", detail); // the 1 minute dispatch target was missed
        Assert.Contains("id=\"inc-call-back\"", detail);

        var phone = await member.GetStringAsync("/traffic/crew");
        Assert.Contains("id=\"inc-crew-on-scene\"", phone);
        clock.Advance(TimeSpan.FromMinutes(5));
        var after = WebUtility.HtmlDecode(await (await PostFormAsync(member, "/traffic/crew", phone, $"on-scene-{crew:N}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"inc-crew-lanes-clear\"", after);
        var view = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/incidents/{id}");
        Assert.Equal("on-scene", view.GetProperty("incident").GetProperty("status").GetString());

        var stranger = await IncKit.CrewMemberAsync(app, "roadcrew-q");
        Assert.Contains("id=\"inc-no-crew\"", await stranger.GetStringAsync("/traffic/crew"));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page, string handler, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
