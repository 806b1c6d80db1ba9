using Linli.Infrastructure.Spreadsheets;
using System.Globalization;
using System.Linq.Expressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.RecordResource;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Spreadsheets;

public sealed record ImportResult(string Kind, int Imported);

public sealed record ImportJobView(Guid Id, string Kind, string FileName, string Status, int TotalRows, int CheckedRows, int WrittenRows,
    IReadOnlyList<SheetError> Errors, int MoreErrors, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Templates, exports and imports of the demand and resource lists as .xlsx.</summary>
internal static class SpreadsheetEndpoints
{
    /// <summary>50,000 rows of a dozen columns stay well under this.</summary>
    public const long MaxUpload = 30L << 20;

    public static FileContentHttpResult Template(string kind) =>
        TypedResults.File(SheetWriter.Template(Layout(kind)), SheetWriter.ContentType, $"linli-{kind}-template.xlsx");

    /// <summary>Imports a sheet and answers when it is stored; a sheet with any bad row is refused whole (422 with every row, column and reason).</summary>
    public static async Task<Ok<ImportResult>> Import(string kind, HttpRequest request, ListImporter importer, CancellationToken ct)
    {
        var layout = Layout(kind);
        var (file, fileName) = await ReadUploadAsync(request, ct);
        using var stream = new MemoryStream(file, writable: false);
        var check = await importer.CheckAsync(layout, stream, request.HttpContext.User, null, ct);
        if (check.Errors.Count > 0)
        {
            throw Refused(check.Errors);
        }
        var written = await importer.WriteAsync(check, request.HttpContext.User, fileName, null, ct);
        return TypedResults.Ok(new ImportResult(layout.Kind, written));
    }

    /// <summary>Starts an import in the background for large sheets; follow it at the Location.</summary>
    public static async Task<Accepted<ImportJobView>> StartJob(string kind, HttpRequest request, ImportJobRunner runner, CancellationToken ct)
    {
        var layout = Layout(kind);
        var (file, fileName) = await ReadUploadAsync(request, ct);
        var job = await runner.StartAsync(layout, file, fileName, request.HttpContext.User, ct);
        return TypedResults.Accepted($"/api/v1/lists/imports/{job.Id}", View(job, job.CreatedAt));
    }

    public static async Task<Ok<ImportJobView>> GetJob(Guid id, HttpContext http, LinliDb db, ImportJobRunner runner, TimeProvider clock, CancellationToken ct)
    {
        var job = await db.ListImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct)
            ?? throw new NotFoundException($"No import {id}.");
        if (job.CreatedBy != ListImporter.Actor(http.User) && !http.User.IsInRole(Roles.Admin))
        {
            throw new NotFoundException($"No import {id}.");
        }
        var view = View(job, clock.GetUtcNow());
        return TypedResults.Ok(runner.WrittenSoFar(id) is { } written ? view with { Status = "writing", WrittenRows = written, Reason = null } : view);
    }

    public static async Task<FileContentHttpResult> ExportDemands(string? status, string? category, string? region, HttpContext http,
        LinliDb db, IAccessControl access, PersonalDataProtector protector, CancellationToken ct)
    {
        // The same entries the list and the map show.
        var query = db.Demands.AsNoTracking().Where(await ListAccess.ListScope.DemandsAsync(http.User, access));
        query = await InRegionAsync(query, http, access, region, d => d.RegionCode);
        if (Enum.TryParse<DemandStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(d => d.Status == wanted);
        }
        else if (!string.IsNullOrEmpty(status))
        {
            throw new RequestValidationException("status", $"must be one of {string.Join(", ", Enum.GetNames<DemandStatus>())}");
        }
        if (!string.IsNullOrEmpty(category))
        {
            query = query.Where(d => d.Category == category);
        }
        var demands = await query.OrderBy(d => d.Id).Take(SheetReader.MaxRows).ToListAsync(ct);
        var layout = SheetLayouts.Demands;
        var rows = demands.Select(d => new Dictionary<string, object?>
        {
            ["id"] = d.Id.ToString(),
            [layout.Column("channel").Header] = Name(DemandRules.Channels, d.Channel),
            [layout.Column("regionCode").Header] = d.RegionCode,
            [layout.Column("requesterName").Header] = Masked(protector, d.RequesterNameProtected, PersonalDataFormats.MaskName),
            [layout.Column("requesterPhone").Header] = Masked(protector, d.RequesterPhoneProtected, PersonalDataFormats.MaskPhone),
            [layout.Column("category").Header] = NeedCategories.Find(d.Category)?.Chinese ?? d.Category,
            [layout.Column("description").Header] = d.Description,
            [layout.Column("quantity").Header] = d.Quantity,
            [layout.Column("urgency").Header] = Name(DemandRules.Urgencies, d.Urgency),
            [layout.Column("timeWindows").Header] = string.Join("; ", d.Windows.Select(w => w.ToChinese())),
            [layout.Column("careTags").Header] = string.Join(",", d.CareTagList.Select(People.Contracts.CareTags.ChineseName)),
            [layout.Column("careTagsConsent").Header] = d.CareTagsConsentAt is null ? "否" : "是",
            ["status"] = d.Status.ToString(),
            ["createdAt"] = d.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        return TypedResults.File(SheetWriter.Export(layout, rows), SheetWriter.ContentType, "linli-demands.xlsx");
    }

    public static async Task<FileContentHttpResult> ExportResources(string? status, string? category, string? region, HttpContext http,
        LinliDb db, IAccessControl access, Geography.Contracts.IRegionLookup regions, CancellationToken ct)
    {
        var query = db.Resources.AsNoTracking().Where(await ListAccess.ListScope.ResourcesAsync(http.User, access, regions));
        query = await InRegionAsync(query, http, access, region, r => r.RegionCode);
        if (Enum.TryParse<ResourceStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(r => r.Status == wanted);
        }
        else if (!string.IsNullOrEmpty(status))
        {
            throw new RequestValidationException("status", $"must be one of {string.Join(", ", Enum.GetNames<ResourceStatus>())}");
        }
        if (!string.IsNullOrEmpty(category))
        {
            query = query.Where(r => r.Category == category);
        }
        var resources = await query.OrderBy(r => r.Id).Take(SheetReader.MaxRows).ToListAsync(ct);
        var layout = SheetLayouts.Resources;
        var rows = resources.Select(r => new Dictionary<string, object?>
        {
            ["id"] = r.Id.ToString(),
            [layout.Column("providerKind").Header] = Name(ResourceRules.ProviderKinds, r.ProviderKind),
            [layout.Column("providerName").Header] = r.ProviderName,
            [layout.Column("category").Header] = NeedCategories.Find(r.Category)?.Chinese ?? r.Category,
            [layout.Column("title").Header] = r.Title,
            [layout.Column("capacityPerWeek").Header] = r.CapacityPerWeek,
            [layout.Column("availability").Header] = string.Join("; ", r.Windows.Select(w => w.ToChinese())),
            [layout.Column("lon").Header] = r.Lon,
            [layout.Column("lat").Header] = r.Lat,
            [layout.Column("radiusMeters").Header] = r.RadiusMeters,
            [layout.Column("serviceRegions").Header] = r.ServiceRegions,
            [layout.Column("conditions").Header] = Name(ResourceRules.Conditions, r.Conditions),
            [layout.Column("conditionNote").Header] = r.ConditionNote,
            // A provider's contact is published for residents to reach it; it is still not exported in full.
            [layout.Column("contactPhone").Header] = r.ContactProtected is null ? null : "(见系统 see Linli)",
            [layout.Column("regionCode").Header] = r.RegionCode,
            ["status"] = r.Status.ToString(),
            ["createdAt"] = r.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        return TypedResults.File(SheetWriter.Export(layout, rows), SheetWriter.ContentType, "linli-resources.xlsx");
    }

    /// <summary>The asked region, checked against the user's scope, narrows the entries further.</summary>
    private static async Task<IQueryable<T>> InRegionAsync<T>(IQueryable<T> query, HttpContext http, IAccessControl access, string? region,
        Expression<Func<T, string>> regionOf)
    {
        if (string.IsNullOrEmpty(region))
        {
            return query;
        }
        await access.EnsureAsync(http.User, Permissions.ListsRead, region);
        return query.Where(ListAccess.ListScope.Under(regionOf, [region], []));
    }

    private static SheetLayout Layout(string kind) => SheetLayouts.ForKind(kind)
        ?? throw new NotFoundException($"No list '{kind}' travels as a spreadsheet; use demands or resources.");

    private static string Name(IEnumerable<(string Code, string Chinese, string English)> options, string code) =>
        options.FirstOrDefault(o => o.Code == code).Chinese ?? code;

    private static string? Masked(PersonalDataProtector protector, string? stored, Func<string, string> mask) =>
        protector.UnprotectOrMarker(stored) is { Length: > 0 } plain ? mask(plain) : null;

    private static UnprocessableException Refused(IReadOnlyList<SheetError> errors)
    {
        var (listed, leftOut) = ListImporter.Reported(errors);
        var rows = errors.Select(e => e.Row).Distinct().Count();
        var refused = new UnprocessableException("The spreadsheet was refused; nothing was imported.",
            $"{errors.Count} problem(s) in {rows} row(s); see 'errors' (row numbers as the spreadsheet shows them, 1 is the header).");
        refused.Extensions["errors"] = listed;
        if (leftOut > 0)
        {
            refused.Extensions["moreErrors"] = leftOut;
        }
        return refused;
    }

    /// <summary>A multipart form with the file in "file", or the workbook as the body itself.</summary>
    private static async Task<(byte[] File, string Name)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUpload)
        {
            throw new RequestValidationException("file", $"at most {MaxUpload >> 20} MB");
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new RequestValidationException("file", "attach the .xlsx file as the form field 'file'");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return (buffer.ToArray(), Path.GetFileName(file.FileName));
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
        {
            throw new RequestValidationException("file", "send the .xlsx workbook as the body or as the form field 'file'");
        }
        return (body.ToArray(), "upload.xlsx");
    }

    private static ImportJobView View(ImportJob job, DateTimeOffset now)
    {
        var status = job.Status;
        string? reason = null;
        IReadOnlyList<SheetError> errors = [];
        var more = 0;
        if (status is ImportJobStatus.Checking or ImportJobStatus.Writing && now - job.UpdatedAt > ImportJobRunner.Stale)
        {
            status = ImportJobStatus.Failed;
            reason = "the import was interrupted (the server handling it stopped); nothing was stored — upload it again";
        }
        else if (status == ImportJobStatus.Refused && job.Outcome is { } outcome)
        {
            var refused = System.Text.Json.JsonSerializer.Deserialize<RefusedOutcome>(outcome, System.Text.Json.JsonSerializerOptions.Web);
            errors = refused?.Errors ?? [];
            more = refused?.MoreErrors ?? 0;
        }
        else if (status == ImportJobStatus.Failed)
        {
            reason = job.Outcome;
        }
        return new ImportJobView(job.Id, job.Kind, job.FileName, status.ToString().ToLowerInvariant(), job.TotalRows, job.CheckedRows,
            job.WrittenRows, errors, more, reason, job.CreatedAt, job.UpdatedAt);
    }

    private sealed record RefusedOutcome(IReadOnlyList<SheetError> Errors, int MoreErrors);
}
