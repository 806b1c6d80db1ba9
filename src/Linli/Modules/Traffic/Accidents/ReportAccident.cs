using System.Globalization;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Messaging;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents.Data;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Incidents;
using Linli.Modules.Traffic.Roads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Accidents;

/// <summary>What party A's phone gets back: the private link, and the code to show the other driver.</summary>
public sealed record AccidentCreated(Guid Id, string Number, string Status, bool Qualifies, IReadOnlyList<FailedCondition> Failing, string Token,
    string RecordUrl, string? ConfirmCode, DateTimeOffset? CodeExpiresAt, string? ConfirmUrl, string? IncidentNumber, string? CaseNumber,
    AccidentLocationView Location, IReadOnlyList<string> Advice);

/// <summary>
/// <c>POST /api/v1/traffic/accidents</c> (multipart): a driver reports a collision. Qualifying answers
/// → a quick-handling report awaiting the other party, incident 2201 for the road company. Any "no", or
/// <c>police=true</c> → stored as routed to the police, an emergency incident 2204 for the police and rescue.
/// </summary>
internal static class ReportAccident
{
    public static async Task<Created<AccidentCreated>> Handle(HttpRequest http, LinliDb db, IRoadNetwork roads, IncidentIntake intake, IFileStore files,
        PersonalDataProtector protector, ISmsSender sms, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var settings = AccidentSettings.Of(configuration);
        var form = await AccidentForm.ReadAsync(http, ct);
        var failing = form.Answers is null ? [] : AccidentRules.Failing(form.Answers, settings.MaxLossYuan);
        var toPolice = form.Police || failing.Count > 0;
        var at = await AccidentLocation.ResolveAsync(form.Location, roads, settings, ct);
        // A driver in trouble is not held up by a missing plate: only what is given is checked.
        var phone = toPolice ? (form.Phone is null ? null : AccidentRules.Phone(form.Phone, "phone")) : AccidentRules.Phone(form.Phone, "phone");
        var plate = toPolice ? (form.Plate is null ? "" : AccidentRules.Plate(form.Plate, "plate")) : AccidentRules.Plate(form.Plate, "plate");
        var name = toPolice ? (form.Name is null ? null : AccidentRules.Name(form.Name, "name")) : AccidentRules.Name(form.Name, "name");
        var insurer = AccidentRules.Insurer(form.Insurer);
        var photos = await form.PhotosAsync(required: !toPolice, ct);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = Guid.CreateVersion7();
        var report = new AccidentReport(id, await NextNumberAsync(db, now, ct), form.Answers, form.LanesBlocked, at.RouteCode, at.RouteName, at.Direction,
            at.Operator, at.StakeMeters, at.Lon, at.Lat, form.Location.Heading, now);
        var reason = form.Police && failing.Count == 0 ? "驾驶人选择报警 · the driver asked for the police" : string.Join("；", failing.Select(f => f.Zh));
        string? code = null;
        if (toPolice)
        {
            report.RouteToPolice(reason, now);
        }
        else
        {
            code = AccidentRules.NewCode();
            report.NewCode(AccidentRules.CodeHash(protector, id, code), now + settings.CodeMinutes * 60_000L, now);
        }
        var token = AccidentRules.NewToken();
        db.AccidentReports.Add(report);
        db.AccidentParties.Add(new AccidentParty(Guid.CreateVersion7(), id, "A", plate, protector.Protect(name ?? "")!,
            name is null ? "" : PersonalDataFormats.MaskName(name), protector.Protect(phone ?? "")!, protector.Index(PersonalDataKind.Phone, phone) ?? "",
            phone is null ? "" : PersonalDataFormats.MaskPhone(phone), insurer, AccidentRules.TokenHash(token), now));
        foreach (var (kind, photo) in photos)
        {
            db.AccidentPhotos.Add(await StorePhotoAsync(id, kind, photo, files, now, ct));
        }
        db.TrafficEvents.Add(new TrafficEvent(id, "accident", toPolice ? "routed-to-police" : "reported", "driver", toPolice ? reason : at.Stake, now));
        await DailyNumbers.SaveAsync(db, t => NextNumberAsync(db, now, t), report.Renumber, ct);

        var description = toPolice
            ? $"驾驶人自助报警（不符合快处快撤：{reason}）{(plate.Length > 0 ? "，车辆 " + plate : "")}{(form.Note is null ? "" : "。" + form.Note)}"
            : $"快处快撤：车辆 {plate} 发生轻微事故，无人受伤、车辆可移动，已拍照，待对方确认；占用 {form.LanesBlocked} 条车道";
        var incident = await intake.OpenAsync(db, new NewIncident(toPolice ? "2204" : "2201", IncidentSources.Driver, at, description,
            form.LanesBlocked, QuickHandling: !toPolice, Emergency: toPolice, id, name, phone), null, ct);
        report.LinkIncident(incident.Id, incident.Number, incident.CaseNumber);
        await db.SaveChangesAsync(ct);

        var recordUrl = AccidentLinks.Record(http, id, token);
        if (phone is not null)
        {
            var text = toPolice
                ? $"【邻里】已为您报警（{report.Number}），请撤离到护栏外等待救援，在来车方向 150 米外放置警告标志，紧急情况拨打 122/120。记录：{recordUrl}"
                : $"【邻里】快处快撤 {report.Number} 已受理，请立即将车辆移出车道。事故记录（用于保险理赔）：{recordUrl}";
            await sms.SendAsync(phone, text, ct);
        }
        var created = new AccidentCreated(id, report.Number, AccidentViews.Status(report.Status), !toPolice, failing, token, recordUrl, code,
            code is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(report.CodeExpiresAtMs),
            code is null ? null : AccidentLinks.Confirm(http, report.Number), incident.Number, incident.CaseNumber, AccidentLocationView.Of(at),
            toPolice ? AccidentRules.EmergencyAdvice : AccidentRules.QuickAdvice);
        return TypedResults.Created($"/api/v1/traffic/accidents/{id}", created);
    }

    private static async Task<AccidentPhoto> StorePhotoAsync(Guid reportId, string kind, ProcessedPhoto photo, IFileStore files, long now, CancellationToken ct)
    {
        var path = $"accidents/{reportId:N}/{kind}.{photo.Extension}";
        var thumbnail = $"accidents/{reportId:N}/{kind}.thumb.jpg";
        await files.SaveAsync(path, new MemoryStream(photo.Content), ct);
        await files.SaveAsync(thumbnail, new MemoryStream(photo.Thumbnail), ct);
        return new AccidentPhoto(Guid.CreateVersion7(), reportId, kind, photo.ContentType, path, thumbnail, photo.Width, photo.Height, photo.Content.Length, now);
    }

    /// <summary>KC-yyyymmdd-NNNN (快处).</summary>
    private static Task<string> NextNumberAsync(LinliDb db, long nowMs, CancellationToken ct) =>
        DailyNumbers.NextAsync(db.AccidentReports.Select(r => r.Number), "KC", nowMs, ct);
}
