using System.Globalization;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Modules.Traffic.Accidents.Data;

namespace Linli.Modules.Traffic.Accidents;

/// <summary>The driver's multipart form: answers, location, party A, and the three photos.</summary>
internal sealed record AccidentForm(AccidentAnswers? Answers, bool Police, LocateRequest Location, string? Phone, string? Plate, string? Name,
    string? Insurer, string? Note, int LanesBlocked, IFormCollection Raw)
{
    public static readonly string[] PhotoKinds = ["front", "rear", "contact"];

    public static async Task<AccidentForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new RequestValidationException("body", "send multipart/form-data (the answers, the location, the three photos)");
        }
        var form = await request.ReadFormAsync(ct);
        var police = Bool(form, "police") == true;
        var answers = new[] { "noInjuries", "vehiclesMovable", "propertyOnly", "noRoadPropertyDamage" }.Select(f => (f, v: Bool(form, f))).ToList();
        AccidentAnswers? parsed = null;
        var parsedLanes = Int(form, "lanesBlocked", 0, 8) ?? 0;
        if (answers.All(a => a.v is not null))
        {
            parsed = new AccidentAnswers(answers[0].v!.Value, answers[1].v!.Value, answers[2].v!.Value, answers[3].v!.Value,
                Int(form, "estimatedLoss", 0, 100_000_000), Int(form, "lanesBlocked", 0, 8) ?? 0);
            parsedLanes = parsed.LanesBlocked;
        }
        else if (!police)
        {
            var missing = answers.First(a => a.v is null).f;
            throw new RequestValidationException(missing, "answer yes or no (true/false)");
        }
        var location = new LocateRequest(Double(form, "lon"), Double(form, "lat"), Double(form, "heading"), Text(form, "route"), Text(form, "direction"),
            Text(form, "stake"));
        return new AccidentForm(parsed, police, location, Text(form, "phone"), Text(form, "plate"), Text(form, "name"), Text(form, "insurer"),
            Text(form, "note"), parsedLanes, form);
    }

    /// <summary>The three required photos; a missing one is named, each must be a real image within the size limit.</summary>
    public async Task<Dictionary<string, ProcessedPhoto>> PhotosAsync(bool required, CancellationToken ct)
    {
        var photos = new Dictionary<string, ProcessedPhoto>();
        foreach (var kind in PhotoKinds)
        {
            var file = Raw.Files.GetFile(kind);
            if (file is null || file.Length == 0)
            {
                if (required)
                {
                    throw new RequestValidationException(kind, $"the {Describe(kind)} photo is required (form field '{kind}')");
                }
                continue;
            }
            if (file.Length > PhotoProcessor.MaxBytes)
            {
                throw new RequestValidationException(kind, "a photo may be at most 10 MB");
            }
            await using var stream = file.OpenReadStream();
            photos[kind] = await PhotoProcessor.ProcessAsync(stream, kind, ct);
        }
        return photos;
    }

    public static string Describe(string kind) => kind switch
    {
        "front" => "front (车头)",
        "rear" => "rear (车尾)",
        _ => "point of contact (碰撞部位)",
    };

    private static string? Text(IFormCollection form, string field) => form.TryGetValue(field, out var v) && v.ToString().Trim() is { Length: > 0 } s ? s : null;

    private static bool? Bool(IFormCollection form, string field) => Text(form, field)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "on" or "1" or "是" => true,
        "false" or "no" or "off" or "0" or "否" => false,
        _ => throw new RequestValidationException(field, "answer yes or no (true/false)"),
    };

    private static double? Double(IFormCollection form, string field) => Text(form, field) is not { } s ? null
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
        : throw new RequestValidationException(field, "is not a number");

    private static int? Int(IFormCollection form, string field, int min, int max) => Text(form, field) is not { } s ? null
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max ? i
        : throw new RequestValidationException(field, $"must be a whole number from {min} to {max}");
}
