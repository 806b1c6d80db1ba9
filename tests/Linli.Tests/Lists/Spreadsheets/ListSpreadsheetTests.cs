using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Lists.Spreadsheets;

[Trait("Category", "Database")]
public sealed class ListSpreadsheetTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _community = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _community = await _app.ClientForAsync("community-staff", "330105001001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> CountAsync(Func<LinliDb, Task<int>> count)
    {
        await using var db = await _app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        return await count(db);
    }

    private static async Task<List<(int Row, string Column, string Reason)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("reason").GetString()!))];
    }

    [Fact]
    public async Task The_demand_template_has_the_columns_the_instructions_and_the_allowed_words()
    {
        var response = await _community.GetAsync("/api/v1/demands/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["需求清单", "说明 Instructions", "取值 Values"], Workbook.SheetNames(xlsx));
        var header = Workbook.Read(xlsx, "需求清单")[0].Values.Select(v => v?.ToString()).ToList();
        Assert.Contains("需求类别 category", header);
        Assert.Contains("时间段 timeWindows", header);
        var values = Workbook.Read(xlsx, "取值 Values").Select(r => r.Values.Select(v => v?.ToString()).ToList()).ToList();
        Assert.Contains(values, v => v.Contains("elderly-meals") && v.Contains("助餐送餐"));
        Assert.Contains(values, v => v.Contains("elderly-alone") && v.Contains("独居老人"));
    }

    [Fact]
    public async Task A_clean_sheet_of_needs_is_imported_whole_with_names_protected_and_blank_rows_skipped()
    {
        var rows = new[]
        {
            Workbook.Need(),
            Workbook.Need(category: "small-wish", windows: null, quantity: 1),
            Workbook.Need(careTags: "独居老人,elderly", consent: "是", region: "330105001001002"),
        };
        var response = await _community.PostAsync("/api/v1/demands/import", Workbook.Form(Workbook.Of(rows)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        await using var db = await _app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var demands = await db.Demands.AsNoTracking().ToListAsync();
        Assert.Equal(3, demands.Count);
        Assert.All(demands, d => Assert.DoesNotContain("王秀英", d.RequesterNameProtected ?? ""));
        var meals = demands.First(d => d.Category == "elderly-meals" && d.CareTags.Length == 0);
        Assert.Equal(5, meals.Quantity);
        Assert.Equal("normal", meals.Urgency);
        Assert.Equal("Mon/Tue/Wed/Thu/Fri 11:00-12:00", meals.TimeWindows);
        var tagged = demands.Single(d => d.CareTags.Length > 0);
        Assert.Equal("elderly-alone,elderly", tagged.CareTags);
        Assert.NotNull(tagged.CareTagsConsentAt);
        Assert.Equal(3, await db.ListEvents.CountAsync(e => e.Action == "recorded"));
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_is_refused_whole_naming_every_bad_row_column_and_reason()
    {
        var rows = new[]
        {
            Workbook.Need(),                                        // row 2: good
            Workbook.Need(category: "洗车"),                         // row 3: unknown category
            Workbook.Need(windows: "周八 11:00-12:00"),               // row 4: no such day
            Workbook.Need(careTags: "独居老人"),                      // row 5: care tag without consent
            Workbook.Need(quantity: 2.5),                           // row 6: not a whole number
            Workbook.Need(region: "330105001002001"),               // row 7: outside the community's scope
            Workbook.Need(region: "999999"),                        // row 8: no such region
        };
        var errors = await ErrorsAsync(await _community.PostAsync("/api/v1/demands/import", Workbook.Form(Workbook.Of(rows))));

        Assert.Contains(errors, e => e.Row == 3 && e.Column == "需求类别 category" && e.Reason.Contains("洗车"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "时间段 timeWindows" && e.Reason.Contains("周八"));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "已征得同意 careTagsConsent");
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "每周数量 quantity" && e.Reason.Contains("2.5"));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "区域编码 regionCode" && e.Reason.Contains("outside"));
        Assert.Contains(errors, e => e.Row == 8 && e.Column == "区域编码 regionCode" && e.Reason.Contains("999999"));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Single(errors, e => e.Row == 6);
        Assert.Equal(0, await CountAsync(db => db.Demands.CountAsync()));
    }

    [Fact]
    public async Task A_sheet_with_an_unknown_or_missing_column_is_refused_at_its_header()
    {
        var row = Workbook.Need();
        row.Remove("需求类别 category");
        row["备注 remark"] = "x";
        var errors = await ErrorsAsync(await _community.PostAsync("/api/v1/demands/import", Workbook.Form(Workbook.Of([row]))));
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "备注 remark" && e.Reason.Contains("unknown column"));
        Assert.Contains(errors, e => e.Row == 1 && e.Column == "需求类别 category" && e.Reason.Contains("missing"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_reason_not_a_server_error()
    {
        var errors = await ErrorsAsync(await _community.PostAsync("/api/v1/demands/import", Workbook.Form([(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "needs.xlsx")));
        Assert.Contains(errors, e => e.Reason.Contains("not a readable .xlsx"));
        // Anything not a zip is read as CSV: its headers are checked like a workbook's.
        var csv = await ErrorsAsync(await _community.PostAsync("/api/v1/demands/import", Workbook.Form("a,b,c\n1,2,3"u8.ToArray(), "needs.csv")));
        Assert.Contains(csv, e => e.Row == 1 && e.Column == "a" && e.Reason.StartsWith("unknown column", StringComparison.Ordinal));
        var empty = await _community.PostAsync("/api/v1/demands/import", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Resources_import_with_a_radius_regions_or_their_own_region_and_a_half_given_circle_is_named()
    {
        var good = new[]
        {
            Workbook.Offer(radius: 1500, lon: 120.111, lat: 30.311),
            Workbook.Offer(serviceRegions: "330105001001001,330105001001002"),
            Workbook.Offer(),
        };
        var ok = await _community.PostAsync("/api/v1/resources/import", Workbook.Form(Workbook.Of(good)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await using (var db = await _app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync())
        {
            var areas = await db.Resources.AsNoTracking().Select(r => new { r.RadiusMeters, r.ServiceRegions }).ToListAsync();
            Assert.Contains(areas, a => a.RadiusMeters == 1500 && a.ServiceRegions == "");
            Assert.Contains(areas, a => a.RadiusMeters == null && a.ServiceRegions == "330105001001001,330105001001002");
            // Neither a circle nor regions: the entry serves the region that keeps it, as through the API.
            Assert.Contains(areas, a => a.RadiusMeters == null && a.ServiceRegions == "330105001001");
        }

        var bad = new[] { Workbook.Offer(radius: 1500), Workbook.Offer(radius: "一公里", lon: 120.1, lat: 30.3), Workbook.Offer(category: "飞行") };
        var errors = await ErrorsAsync(await _community.PostAsync("/api/v1/resources/import", Workbook.Form(Workbook.Of(bad))));
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "经度 lon" && e.Reason.Contains("longitude"));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "服务半径米 radiusMeters" && e.Reason.Contains("一公里"));
        Assert.Single(errors, e => e.Row == 3);
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "资源类别 category");
        Assert.Equal(3, await CountAsync(db => db.Resources.CountAsync()));
    }

    [Fact]
    public async Task A_large_sheet_imports_in_the_background_with_progress_and_a_bad_one_ends_refused()
    {
        var rows = Enumerable.Range(0, 1_200).Select(i => Workbook.Need(region: i % 2 == 0 ? "330105001001001" : "330105001001002")).ToArray();
        var started = await _community.PostAsync("/api/v1/lists/imports/demands", Workbook.Form(Workbook.Of(rows)));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await WaitAsync(started.Headers.Location!.ToString());
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(1_200, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(1_200, job.GetProperty("writtenRows").GetInt32());
        Assert.Equal(1_200, await CountAsync(db => db.Demands.CountAsync()));

        rows[700] = Workbook.Need(category: "洗车");
        var refused = await WaitAsync((await _community.PostAsync("/api/v1/lists/imports/demands", Workbook.Form(Workbook.Of(rows)))).Headers.Location!.ToString());
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal(702, error.GetProperty("row").GetInt32());
        Assert.Equal(1_200, await CountAsync(db => db.Demands.CountAsync()));

        // Someone else's job is nobody else's business.
        var other = await _app.ClientForAsync("community-staff", "330105001001");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(started.Headers.Location)).StatusCode);
    }

    private async Task<JsonElement> WaitAsync(string location)
    {
        var job = default(JsonElement);
        for (var i = 0; i < 600; i++)
        {
            job = await _community.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() is "done" or "refused" or "failed")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the import did not finish within a minute: {job}");
    }

    [Fact]
    public async Task The_export_is_within_scope_masks_requesters_and_cannot_be_imported_back_as_new_entries()
    {
        var rows = new[] { Workbook.Need(name: "王秀英"), Workbook.Need(region: "330105001001002", name: "李建国") };
        Assert.Equal(HttpStatusCode.OK, (await _community.PostAsync("/api/v1/demands/import", Workbook.Form(Workbook.Of(rows)))).StatusCode);

        var xlsx = await (await _community.GetAsync("/api/v1/demands/export.xlsx")).Content.ReadAsByteArrayAsync();
        var sheet = Workbook.Read(xlsx, "需求清单");
        Assert.Equal(3, sheet.Count);
        var cells = sheet.SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        Assert.Contains("王*英", cells);
        Assert.DoesNotContain("王秀英", cells);
        Assert.Contains("助餐送餐", cells);

        var gridWorker = await _app.ClientForAsync("grid-worker", "330105001001002");
        var theirs = Workbook.Read(await (await gridWorker.GetAsync("/api/v1/demands/export.xlsx")).Content.ReadAsByteArrayAsync(), "需求清单");
        Assert.Equal(2, theirs.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.GetAsync("/api/v1/demands/export.xlsx?region=330105001001001")).StatusCode);

        var again = await ErrorsAsync(await _community.PostAsync("/api/v1/demands/import", Workbook.Form(xlsx)));
        Assert.Contains(again, e => e.Row == 1 && e.Column == "id" && e.Reason.Contains("export"));
    }
}
