using System.Globalization;
using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Format;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.GetRequests;

/// <summary>
/// <c>GET requests.{format}</c> (the specification's filters, its default window of 90 days or
/// 1,000 requests, and <c>page</c>/<c>page_size</c>), <c>requests/{id}.{format}</c> and
/// <c>tokens/{token}.{format}</c>. Open or closed comes from the case's stage; the notes are the
/// ones written for the reporter.
/// </summary>
internal static class GetRequests
{
    public const int MaxRequests = 1000;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public static async Task<IResult> List(HttpContext http, ICaseDirectory cases, LinliDb db, TimeProvider clock, CancellationToken ct)
    {
        var request = http.Request;
        var ids = Open311Formats.List(request, "service_request_id");
        var size = Number(request, "page_size") ?? MaxRequests;
        var page = Number(request, "page") ?? 1;
        if (size is < 1 or > MaxRequests) throw Open311Exception.BadRequest($"page_size must be between 1 and {MaxRequests}.");
        if (page < 1) throw Open311Exception.BadRequest("page starts at 1.");
        CaseFilter filter;
        if (ids.Count > 0)
        {
            filter = new CaseFilter(Numbers: ids, Take: MaxRequests);
        }
        else
        {
            var start = Date(request, "start_date");
            var end = Date(request, "end_date");
            if (start is not null && end is not null && end - start > MaxWindow) throw Open311Exception.BadRequest("start_date and end_date may be at most 90 days apart.");
            if (start > end) throw Open311Exception.BadRequest("start_date is after end_date.");
            var to = end ?? (start is null ? clock.GetUtcNow() : start + MaxWindow);
            var from = start ?? to - MaxWindow;
            var statuses = Open311Formats.List(request, "status").Select(s => s.ToLowerInvariant()).Distinct().ToList();
            if (statuses.FirstOrDefault(s => s is not ("open" or "closed")) is { } bad) throw Open311Exception.BadRequest($"status '{bad}' is neither open nor closed.");
            bool? resolved = statuses.Count == 1 ? statuses[0] == "closed" : null;
            filter = new CaseFilter(Categories: Open311Formats.List(request, "service_code"), From: from, To: to, Resolved: resolved,
                Skip: (int)Math.Min(int.MaxValue, (long)(page - 1) * size), Take: size);
        }
        return new Open311Document("service_requests", await ItemsAsync(http, cases, db, filter, ct));
    }

    public static async Task<IResult> Get(string service_request_id, HttpContext http, ICaseDirectory cases, LinliDb db, CancellationToken ct)
    {
        var items = await ItemsAsync(http, cases, db, new CaseFilter(Numbers: [service_request_id], Take: 1), ct);
        return items.Count == 0
            ? throw Open311Exception.NotFound($"No service request '{service_request_id}'.")
            : new Open311Document("service_requests", items);
    }

    public static async Task<IResult> Token(string token, LinliDb db, CancellationToken ct)
    {
        var posted = await db.Open311Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, ct)
            ?? throw Open311Exception.NotFound($"No request has the token '{token}'.");
        return new Open311Document("service_requests", new JsonArray(new JsonObject
        {
            ["service_request_id"] = posted.CaseNumber,
            ["token"] = posted.Token,
        }));
    }

    private static async Task<JsonArray> ItemsAsync(HttpContext http, ICaseDirectory cases, LinliDb db, CaseFilter filter, CancellationToken ct)
    {
        var found = await cases.FindAsync(filter, ct);
        var english = ListServices.ListServices.English(http.Request);
        var names = (await cases.CategoriesAsync(ct)).ToDictionary(c => c.Code, c => english ? c.NameEn : c.NameZh);
        var caseIds = found.Select(c => c.Id).ToList();
        var media = (await db.Open311Requests.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).OrderBy(r => r.CreatedAtMs)
            .Select(r => new { r.CaseId, r.MediaUrls }).ToListAsync(ct))
            .GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.SelectMany(r => r.MediaUrls).FirstOrDefault());
        return new JsonArray([.. found.Select(c => (JsonNode)new JsonObject
        {
            ["service_request_id"] = c.Number,
            ["status"] = c.Resolved ? "closed" : "open",
            ["status_notes"] = c.PublicNote,
            ["service_name"] = names.GetValueOrDefault(c.CategoryCode) ?? c.CategoryCode,
            ["service_code"] = c.CategoryCode,
            ["description"] = c.Description,
            ["agency_responsible"] = c.UnitName,
            ["service_notice"] = c.MergedIntoNumber is { } into ? $"Merged into request {into}, which stands for the same problem." : null,
            ["requested_datetime"] = Open311Document.Time(c.ReportedAt),
            ["updated_datetime"] = Open311Document.Time(c.UpdatedAt),
            ["expected_datetime"] = Open311Document.Time(c.Deadline),
            ["address"] = c.Address,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = c.Lat,
            ["long"] = c.Lon,
            ["media_url"] = media.GetValueOrDefault(c.Id),
        })]);
    }

    private static int? Number(HttpRequest request, string name) => Open311Formats.Param(request, name) is not { } text
        ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Open311Exception.BadRequest($"{name} '{text}' is not a whole number.");

    private static DateTimeOffset? Date(HttpRequest request, string name)
    {
        if (Open311Formats.Param(request, name) is not { } text)
        {
            return null;
        }
        // A space where a '+' was is a form-encoding slip clients make with the zone.
        var repaired = text.Length > 19 && text[^6] == ' ' ? text[..^6] + "+" + text[^5..] : text;
        return DateTimeOffset.TryParse(repaired, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Open311Exception.BadRequest($"{name} '{text}' is not a W3C date-time (2026-03-01T08:00:00+08:00).");
    }
}
