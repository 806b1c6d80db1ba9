using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Spreadsheets;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Registry.Customers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Sheets;

/// <summary>The registry's template, import and export (.xlsx, or .csv).</summary>
internal static class CustomerSheetEndpoints
{
    /// <summary>10,000 users of a dozen and a half columns are about 1 MB as .xlsx.</summary>
    public const long MaxUpload = 30L << 20;

    public const int MaxExportRows = 50_000;

    public static FileContentHttpResult Template() =>
        TypedResults.File(SheetWriter.Template(CustomerSheet.Layout, withExample: true), SheetWriter.ContentType, "linli-inspection-customers-template.xlsx");

    public static async Task<Ok<ImportSummary>> Import(string? utility, HttpRequest request, CustomerImporter importer, CancellationToken ct)
    {
        using var file = await ReadUploadAsync(request, ct);
        var outcome = await importer.ImportAsync(file, utility, request.HttpContext.User, ct);
        return outcome.Summary is { } summary ? TypedResults.Ok(summary) : throw CustomerImporter.Refused(outcome.Errors);
    }

    public static async Task<FileContentHttpResult> Export(string? format, string? utility, string? type, string? risk, string? supply, string? region,
        string? q, DateOnly? dueBefore, bool? overdue, bool? inactive, HttpContext http, LinliDb db, IAccessControl access, TimeProvider clock,
        CancellationToken ct)
    {
        var csv = format?.ToLowerInvariant() switch
        {
            null or "" or "xlsx" => false,
            "csv" => true,
            _ => throw new RequestValidationException("format", "xlsx or csv"),
        };
        var filter = new CustomerFilter(utility, type, risk, supply, region, q, dueBefore, overdue, inactive);
        var query = await ListCustomers.QueryAsync(db, access, http.User, filter, RegistryDefaults.Today(clock));
        var customers = await query.OrderBy(c => c.Number).Take(MaxExportRows).ToListAsync(ct);
        var rows = customers.Select(CustomerSheet.Row).ToList();
        return csv
            ? TypedResults.File(SheetWriter.Csv(CustomerSheet.Layout, rows), SheetWriter.CsvContentType, "linli-inspection-customers.csv")
            : TypedResults.File(SheetWriter.Export(CustomerSheet.Layout, rows), SheetWriter.ContentType, "linli-inspection-customers.xlsx");
    }

    /// <summary>A multipart form with the file in "file", or the file as the body itself.</summary>
    private static async Task<MemoryStream> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUpload)
        {
            throw new RequestValidationException("file", $"at most {MaxUpload >> 20} MB");
        }
        var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new RequestValidationException("file", "attach the .xlsx or .csv file as the form field 'file'");
            await file.CopyToAsync(buffer, ct);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        if (buffer.Length == 0)
        {
            throw new RequestValidationException("file", "send the .xlsx or .csv file as the body or as the form field 'file'");
        }
        buffer.Position = 0;
        return buffer;
    }
}
