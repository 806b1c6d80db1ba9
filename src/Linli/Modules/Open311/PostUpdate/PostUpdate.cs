using System.Globalization;
using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Data;
using Linli.Modules.Open311.Format;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.PostUpdate;

/// <summary>
/// FixMyStreet's <c>POST servicerequestupdates.{format}</c>: a client's update of a request becomes
/// a public note in the case's history (<see cref="ICaseNotes"/>); the stage does not move, whatever
/// status the client sends — a <c>REOPEN</c> of a closed request is recorded and left to staff.
/// Idempotent on the key and the client's <c>update_id</c>. The answer is
/// <c>service_request_updates/request_update</c> with Linli's <c>update_id</c>, the id
/// <c>GET servicerequestupdates</c> lists the note under.
/// </summary>
internal static class PostUpdate
{
    public const int MaxDescription = 2000;

    /// <summary>FixMyStreet's extended statuses.</summary>
    public static readonly string[] Statuses =
    [
        "OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "ACTION_SCHEDULED", "INVESTIGATING", "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY",
        "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "FOR_TRIAGE", "CANCELLED", "REOPEN",
    ];

    public static async Task<IResult> Handle(HttpContext http, ICaseNotes notes, ICaseDirectory cases, LinliDb db, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        string? P(string name) => Open311Formats.Param(http.Request, name);
        var key = PostRequest.PostRequest.RequireKey(http, "post an update");
        var number = P("service_request_id") ?? throw Open311Exception.BadRequest("service_request_id is required: the request the update is about.");
        var clientId = P("update_id") ?? throw Open311Exception.BadRequest("update_id is required: the client's own id of the update.");
        if (clientId.Length > 100) throw Open311Exception.BadRequest("update_id may hold at most 100 characters.");
        var description = P("description") ?? throw Open311Exception.BadRequest("description is required: the text of the update.");
        if (description.Length > MaxDescription)
        {
            throw Open311Exception.BadRequest($"description may hold at most {MaxDescription:N0} characters, not {description.Length:N0}.");
        }
        var status = (P("status") ?? "OPEN").ToUpperInvariant();
        if (!Statuses.Contains(status))
        {
            throw Open311Exception.BadRequest($"status '{P("status")}' is not one of {string.Join(", ", Statuses)}.");
        }
        var updatedAt = Date(P("updated_datetime"));
        var media = P("media_url");
        if (media is not null && (media.Length > 1000 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw Open311Exception.BadRequest($"media_url '{media[..Math.Min(media.Length, 100)]}' is not an http(s) URL.");
        }

        var target = (await cases.FindAsync(new CaseFilter(Numbers: [number], Take: 1), ct)).FirstOrDefault()
            ?? throw Open311Exception.NotFound($"No service request '{number}'.");
        if (key.Categories.Count > 0 && !key.Categories.Contains(target.CategoryCode))
        {
            throw Open311Exception.Forbidden($"This api_key may not post updates for service_code '{target.CategoryCode}'.");
        }
        if (await ExistingAsync(db, key.Id, clientId, ct) is { } repeat)
        {
            return Answer(repeat, target, StatusCodes.Status200OK);
        }

        var name = string.Join(' ', new[] { P("first_name"), P("last_name") }.OfType<string>());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var receipt = await notes.AddPublicNoteAsync(number, description, $"open311: {key.Name}", new { open311 = clientId, status }, ct)
            ?? throw Open311Exception.NotFound($"No service request '{number}'.");
        var update = new Open311Update(Guid.NewGuid(), key.Id, clientId, receipt.CaseId, receipt.CaseNumber, receipt.StepId, status,
            updatedAt?.ToUnixTimeMilliseconds(), protector.Protect(name.Length == 0 ? null : name), protector.Protect(P("email")), media,
            clock.GetUtcNow().ToUnixTimeMilliseconds());
        db.Open311Updates.Add(update);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same update_id sent twice at once: the other one won; answer with it, having added nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await ExistingAsync(db, key.Id, clientId, ct);
            if (winner is null) throw;
            return Answer(winner, target, StatusCodes.Status200OK);
        }
        return Answer(update, target, StatusCodes.Status201Created);
    }

    private static Task<Open311Update?> ExistingAsync(LinliDb db, Guid keyId, string clientId, CancellationToken ct) =>
        db.Open311Updates.AsNoTracking().FirstOrDefaultAsync(u => u.KeyId == keyId && u.ClientUpdateId == clientId, ct);

    private static Open311Document Answer(Open311Update update, CaseSummary target, int status)
    {
        if (update.CaseNumber != target.Number)
        {
            throw Open311Exception.BadRequest($"update_id '{update.ClientUpdateId}' was already used for request {update.CaseNumber}.");
        }
        var notice = update.Status == "REOPEN" && target.Resolved
            ? $"Recorded on request {target.Number}, which is closed: an update does not reopen it; staff decide whether it is reopened."
            : $"Recorded as a public note on request {target.Number}; its status is set by the staff handling it.";
        return new Open311Document("service_request_updates", new JsonArray(new JsonObject
        {
            ["update_id"] = update.StepId.ToString(CultureInfo.InvariantCulture),
            ["description"] = notice,
        }), status);
    }

    private static DateTimeOffset? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }
        // A space where a '+' was is a form-encoding slip clients make with the zone.
        var repaired = text.Length > 19 && text[^6] == ' ' ? text[..^6] + "+" + text[^5..] : text;
        return DateTimeOffset.TryParse(repaired, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Open311Exception.BadRequest($"updated_datetime '{text}' is not a W3C date-time (2026-03-01T08:00:00+08:00).");
    }
}
