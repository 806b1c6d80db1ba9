using System.Globalization;
using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Format;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.ListUpdates;

/// <summary>
/// FixMyStreet's <c>GET servicerequestupdates.{format}</c>: one update per step of a case's history
/// in the window, with the extended statuses mapped from Linli's stages.
/// </summary>
internal static class ListUpdates
{
    public static async Task<IResult> Handle(HttpContext http, ICaseDirectory cases, LinliDb db, TimeProvider clock, CancellationToken ct)
    {
        var end = Date(http.Request, "end_date") ?? clock.GetUtcNow();
        var start = Date(http.Request, "start_date") ?? end - TimeSpan.FromDays(1);
        if (start > end || end - start > TimeSpan.FromDays(90)) throw Open311Exception.BadRequest("start_date must come before end_date, at most 90 days apart.");
        var steps = await cases.StepsAsync(start, end, 1000, ct);
        // A client's own update (POST servicerequestupdates) is a step too; its photo comes from what the client sent.
        var stepIds = steps.Select(s => s.Id).ToList();
        var media = await db.Open311Updates.AsNoTracking().Where(u => stepIds.Contains(u.StepId) && u.MediaUrl != null)
            .ToDictionaryAsync(u => u.StepId, u => u.MediaUrl, ct);
        return new Open311Document("service_request_updates", new JsonArray([.. steps.Select(s => (JsonNode)new JsonObject
        {
            ["update_id"] = s.Id.ToString(CultureInfo.InvariantCulture),
            ["service_request_id"] = s.CaseNumber,
            ["status"] = Status(s.ToStage),
            ["updated_datetime"] = Open311Document.Time(s.At),
            ["description"] = s.PublicNote ?? "",
            // null, not "": an absent URL is no URL (JSON clients validate media_url as a URI); XML writes it empty.
            ["media_url"] = media.GetValueOrDefault(s.Id),
        })]));
    }

    /// <summary>Linli's stages in FixMyStreet's extended statuses (docs/adr/0007-open311.md).</summary>
    public static string Status(string stage) => stage switch
    {
        "reported" => "OPEN",
        "accepted" or "filed" => "INVESTIGATING",
        "dispatched" => "IN_PROGRESS",
        "deferred" => "ACTION_SCHEDULED",
        "fed-back" or "verified" => "FIXED",
        "closed" or "evaluated" => "CLOSED",
        "merged" => "DUPLICATE",
        "declined" => "NOT_COUNCILS_RESPONSIBILITY",
        "ledger" => "NO_FURTHER_ACTION",
        "voided" => "CANCELLED",
        _ => "OPEN",
    };

    private static DateTimeOffset? Date(HttpRequest request, string name) =>
        Open311Formats.Param(request, name) is not { } text ? null
        : DateTimeOffset.TryParse(text.Length > 19 && text[^6] == ' ' ? text[..^6] + "+" + text[^5..] : text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw Open311Exception.BadRequest($"{name} '{text}' is not a W3C date-time.");
}
