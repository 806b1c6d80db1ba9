using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents.Data;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Accidents;

public sealed record AccidentAnswersView(bool? NoInjuries, bool? VehiclesMovable, bool? PropertyOnly, bool? NoRoadPropertyDamage, int? EstimatedLossYuan,
    int LanesBlocked);

/// <summary>
/// A party as the record shows it: plate in clear; the phone masked; the name in full to its owner and
/// masked to the other party (the insurers take the names from each driver's own record).
/// </summary>
public sealed record AccidentPartyView(string Role, string Plate, string Name, string Phone, string? Insurer, DateTimeOffset JoinedAt, bool You);

public sealed record AccidentPhotoView(string Kind, string Url, string ThumbnailUrl);

/// <summary>The record both parties settle with their insurers.</summary>
public sealed record AccidentRecordView(Guid Id, string Number, string Status, string StatusText, DateTimeOffset ReportedAt, DateTimeOffset? ConfirmedAt,
    AccidentLocationView Location, AccidentAnswersView Answers, string? PoliceReason, string You, IReadOnlyList<AccidentPartyView> Parties,
    IReadOnlyList<AccidentPhotoView> Photos, string? IncidentNumber, string? CaseNumber, IReadOnlyList<string> Advice);

internal static class AccidentViews
{
    public static string Status(AccidentStatus status) => status switch
    {
        AccidentStatus.AwaitingOther => "awaiting-other",
        AccidentStatus.Confirmed => "confirmed",
        _ => "routed-to-police",
    };

    public static string StatusText(AccidentStatus status) => status switch
    {
        AccidentStatus.AwaitingOther => "待对方确认 · Awaiting the other party",
        AccidentStatus.Confirmed => "双方已确认 · Confirmed by both parties",
        _ => "已转交警 · Passed to the traffic police",
    };

    /// <summary>The party whose secret link this is, or null: a wrong link and an unknown report look the same (404).</summary>
    public static async Task<(AccidentReport Report, AccidentParty Party)> ByTokenAsync(LinliDb db, Guid id, string? token, bool tracking, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new NotFoundException($"Accident report {id} does not exist, or the link is incomplete.");
        }
        var hash = AccidentRules.TokenHash(token);
        var party = await db.AccidentParties.AsNoTracking().FirstOrDefaultAsync(p => p.ReportId == id && p.TokenHash == hash, ct)
            ?? throw new NotFoundException($"Accident report {id} does not exist, or the link is incomplete.");
        var reports = tracking ? db.AccidentReports : db.AccidentReports.AsNoTracking();
        var report = await reports.FirstAsync(r => r.Id == id, ct);
        return (report, party);
    }

    public static string? TokenOf(HttpRequest http) =>
        http.Headers["X-Accident-Token"].ToString() is { Length: > 0 } header ? header : http.Query["token"].ToString() is { Length: > 0 } q ? q : null;

    public static async Task<AccidentRecordView> RecordAsync(LinliDb db, AccidentReport report, AccidentParty viewer, string token,
        PersonalDataProtector protector, CancellationToken ct)
    {
        var parties = await db.AccidentParties.AsNoTracking().Where(p => p.ReportId == report.Id).OrderBy(p => p.Role).ToListAsync(ct);
        var photos = await db.AccidentPhotos.AsNoTracking().Where(p => p.ReportId == report.Id).ToListAsync(ct);
        var query = $"token={Uri.EscapeDataString(token)}";
        return new AccidentRecordView(report.Id, report.Number, Status(report.Status), StatusText(report.Status),
            DateTimeOffset.FromUnixTimeMilliseconds(report.ReportedAtMs),
            report.ConfirmedAtMs is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null,
            Location(report), Answers(report), report.PoliceReason, viewer.Role,
            [.. parties.Select(p => Party(p, p.Id == viewer.Id, protector))],
            PhotoViews(report.Id, photos, query), report.IncidentNumber, report.CaseNumber,
            report.Status == AccidentStatus.RoutedToPolice ? AccidentRules.EmergencyAdvice : AccidentRules.QuickAdvice);
    }

    public static AccidentLocationView Location(AccidentReport r) => new(r.RouteCode, r.RouteName, r.Direction, Directions.ChineseName(r.Direction),
        Roads.Stakes.Format(r.StakeMeters), r.StakeMeters, Math.Round(r.Lon, 6), Math.Round(r.Lat, 6), 0,
        AccidentLocationView.LabelOf(r.RouteCode, r.RouteName, r.Direction, r.StakeMeters));

    public static AccidentAnswersView Answers(AccidentReport r) =>
        new(r.NoInjuries, r.VehiclesMovable, r.PropertyOnly, r.NoRoadPropertyDamage, r.EstimatedLossYuan, r.LanesBlocked);

    public static List<AccidentPhotoView> PhotoViews(Guid id, IEnumerable<AccidentPhoto> photos, string query) =>
        [.. photos.OrderBy(p => Array.IndexOf(AccidentForm.PhotoKinds, p.Kind)).Select(p => new AccidentPhotoView(p.Kind,
            $"/api/v1/traffic/accidents/{id}/photos/{p.Kind}?{query}", $"/api/v1/traffic/accidents/{id}/photos/{p.Kind}?thumbnail=true&{query}"))];

    private static AccidentPartyView Party(AccidentParty p, bool you, PersonalDataProtector protector) => new(p.Role, p.Plate,
        you && p.NameCipher.Length > 0 ? protector.UnprotectOrMarker(p.NameCipher) ?? "" : p.NameMasked, p.PhoneMasked, p.Insurer,
        DateTimeOffset.FromUnixTimeMilliseconds(p.JoinedAtMs), you);
}

/// <summary>Absolute links for SMS and QR codes (the phone opens them outside the page).</summary>
internal static class AccidentLinks
{
    public static string Record(HttpRequest http, Guid id, string token) =>
        $"{http.Scheme}://{http.Host}{http.PathBase}/accident/{id}/record?token={Uri.EscapeDataString(token)}";

    public static string Confirm(HttpRequest http, string number) =>
        $"{http.Scheme}://{http.Host}{http.PathBase}/accident/confirm?n={Uri.EscapeDataString(number)}";
}
