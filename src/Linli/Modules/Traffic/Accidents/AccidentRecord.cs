using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Linli.Modules.Traffic.Accidents;

public sealed record CheckRequest(bool? NoInjuries, bool? VehiclesMovable, bool? PropertyOnly, bool? NoRoadPropertyDamage, int? EstimatedLoss);

public sealed record CheckResult(bool Qualifies, IReadOnlyList<FailedCondition> Failing, int MaxLossYuan, IReadOnlyList<string> Advice);

/// <summary>Each party's record (by its private link), the photos, the qualifying check and the QR of the confirm link.</summary>
internal static partial class AccidentRecord
{
    public static async Task<Ok<AccidentRecordView>> Get(Guid id, HttpRequest http, LinliDb db, PersonalDataProtector protector, CancellationToken ct)
    {
        var token = AccidentViews.TokenOf(http);
        var (report, party) = await AccidentViews.ByTokenAsync(db, id, token, tracking: false, ct);
        return TypedResults.Ok(await AccidentViews.RecordAsync(db, report, party, token!, protector, ct));
    }

    /// <summary>A photo for a party's link, or for the other driver holding the current code (before confirming); otherwise 404.</summary>
    public static async Task<IResult> Photo(Guid id, string kind, bool? thumbnail, string? number, string? code, HttpRequest http, LinliDb db,
        PersonalDataProtector protector, IFileStore files, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (AccidentViews.TokenOf(http) is { } token)
        {
            await AccidentViews.ByTokenAsync(db, id, token, tracking: false, ct);
        }
        else if (number is not null && code is not null)
        {
            var report = await ConfirmAccident.CheckCodeAsync(db, protector, number, code, AccidentSettings.Of(configuration), clock, ct);
            if (report.Id != id) throw new NotFoundException($"Accident report {id} has no such photo.");
        }
        else
        {
            throw new NotFoundException($"Accident report {id} does not exist, or the link is incomplete.");
        }
        var photo = await db.AccidentPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.ReportId == id && p.Kind == kind, ct)
            ?? throw new NotFoundException($"Accident report {id} has no {kind} photo.");
        var stream = await files.OpenReadAsync(thumbnail == true ? photo.ThumbnailPath : photo.Path, ct)
            ?? throw new NotFoundException($"The {kind} photo is missing from the file store.");
        http.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.Stream(stream, thumbnail == true ? "image/jpeg" : photo.ContentType);
    }

    public static Ok<CheckResult> Check(CheckRequest request, IConfiguration configuration)
    {
        var settings = AccidentSettings.Of(configuration);
        var failing = AccidentRules.Failing(new AccidentAnswers(Need(request.NoInjuries, "noInjuries"), Need(request.VehiclesMovable, "vehiclesMovable"),
            Need(request.PropertyOnly, "propertyOnly"), Need(request.NoRoadPropertyDamage, "noRoadPropertyDamage"), request.EstimatedLoss, 0), settings.MaxLossYuan);
        return TypedResults.Ok(new CheckResult(failing.Count == 0, failing, settings.MaxLossYuan,
            failing.Count == 0 ? AccidentRules.QuickAdvice : AccidentRules.EmergencyAdvice));
    }

    /// <summary>The confirm link as a QR code for the other driver's camera; it carries the number only, never the code.</summary>
    public static IResult Qr(string number, HttpRequest http)
    {
        if (!NumberPattern().IsMatch(number ?? ""))
        {
            throw new RequestValidationException("number", "is an accident number like KC-20261129-0001");
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AccidentLinks.Confirm(http, number!), QRCodeGenerator.ECCLevel.M);
        return TypedResults.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
    }

    private static bool Need(bool? answer, string field) => answer ?? throw new RequestValidationException(field, "answer yes or no (true/false)");

    [System.Text.RegularExpressions.GeneratedRegex(@"^KC-\d{8}-\d{4,6}$")]
    private static partial System.Text.RegularExpressions.Regex NumberPattern();
}
