using Linli.Infrastructure.Files;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Modules.Cases.Photos;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>A report arrives as JSON, or as a multipart form with up to nine photos.</summary>
internal static class ReportForm
{
    public static async Task<(ReportCaseRequest Request, List<ProcessedPhoto> Photos)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            var json = await JsonSerializer.DeserializeAsync<ReportCaseRequest>(http.Body, JsonSerializerOptions.Web, ct)
                ?? throw new RequestValidationException("body", "send the report as JSON or as a multipart form");
            return (json, []);
        }
        var form = await http.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        double? Number(string field)
        {
            var text = form[field].ToString();
            if (text.Length == 0) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            errors[field] = ["must be a number"];
            return null;
        }
        string? Text(params string[] names) => names.Select(n => form[n].ToString()).FirstOrDefault(v => v.Length > 0);
        var request = new ReportCaseRequest(Text("category"), Text("description"), Number("lon"), Number("lat"), Text("address"),
            Text("priority"), Text("source"), new ReporterDto(Text("reporter.name", "reporterName"), Text("reporter.phone", "reporterPhone")));
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var photos = await CasePhotos.ReadAsync(form, ct);
        // A photo taken on the spot knows where it was taken: offered when the form gives no location.
        if (request.Lon is null && request.Lat is null && photos.FirstOrDefault(p => p.Lon is not null) is { } located)
        {
            request = request with { Lon = located.Lon, Lat = located.Lat };
        }
        return (request, photos);
    }

    /// <summary>What identifies a report for idempotency: its fields and its photos' content.</summary>
    public static string Hash(ReportCaseRequest request, IReadOnlyList<ProcessedPhoto> photos)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web));
        foreach (var photo in photos)
        {
            hash.AppendData(SHA256.HashData(photo.Content));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
