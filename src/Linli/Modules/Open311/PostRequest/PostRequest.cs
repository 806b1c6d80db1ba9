using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Open311.Data;
using Linli.Modules.Open311.Format;

namespace Linli.Modules.Open311.PostRequest;

/// <summary>
/// <c>POST requests.{format}</c>: a client's report, form-encoded or multipart with photos, checked
/// in Open311's terms and then handed to the same intake as <c>POST /api/v1/cases</c> (routing,
/// duplicate merge, suggestion, deadlines). The id is the case number; a report that joined an
/// open case gets that case's number and a notice saying so.
/// </summary>
internal static class PostRequest
{
    public const int MaxDescription = 4000;

    public static async Task<IResult> Handle(HttpContext http, ICaseIntake intake, ICaseDirectory cases, LinliDb db, PersonalDataProtector protector,
        IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var request = http.Request;
        string? P(string name) => Open311Formats.Param(request, name);
        var key = RequireKey(http, "post a request");
        var jurisdiction = http.Items[Open311Filter.JurisdictionItem] as string;
        var code = P("service_code") ?? throw Open311Exception.BadRequest("service_code is required (GET services.xml lists them).");
        var service = (await cases.CategoriesAsync(ct)).FirstOrDefault(c => c.Code == code)
            ?? throw Open311Exception.NotFound($"service_code '{code}' is not a service here (GET services.xml lists them).");
        if (key.Categories.Count > 0 && !key.Categories.Contains(code))
        {
            throw Open311Exception.Forbidden($"This api_key may not post requests for service_code '{code}'.");
        }
        var (lon, lat) = Location(P("lat"), P("long"), P("address_string"), P("address_id"), regions);
        var description = P("description") ?? service.NameZh;
        if (description.Length > MaxDescription)
        {
            throw Open311Exception.BadRequest($"description may hold at most {MaxDescription:N0} characters, not {description.Length:N0}.");
        }
        var name = string.Join(' ', new[] { P("first_name"), P("last_name") }.OfType<string>());
        var phone = P("phone");
        var media = MediaUrls(request);
        var attributes = Attributes(request);
        ServiceAttributes.ServiceAttributes.Check(await ServiceAttributes.ServiceAttributes.ForAsync(db, code, ct), attributes);

        var receipt = await intake.ReportAsync(new IntakeReport(code, description, lon, lat, P("address_string"), "open311",
            name.Length == 0 ? null : name[..Math.Min(name.Length, 50)],
            // A number intake cannot keep (not a mainland mobile) is still kept, protected, with the Open311 request.
            phone is not null && PersonalDataFormats.IsMobile(phone) ? phone : null,
            request.HasFormContentType && request.Form.Files.Count > 0 ? request.Form : null), null, ct);

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var accountId = P("account_id");
        db.Open311Requests.Add(new Open311Request(Guid.NewGuid(), token, receipt.CaseId, receipt.CaseNumber, receipt.JoinedExisting, key.Id,
            jurisdiction, Clip(accountId), Clip(P("device_id")), protector.Protect(P("email")), protector.Protect(phone),
            protector.Protect(name.Length == 0 ? null : name), media,
            attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes), clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await db.SaveChangesAsync(ct);

        // The answer carries the id (never id and token together); the token, for clients that poll tokens/, rides in a header.
        http.Response.Headers["Open311-Token"] = token;
        return new Open311Document("service_requests", new JsonArray(new JsonObject
        {
            ["service_request_id"] = receipt.CaseNumber,
            ["service_notice"] = receipt.JoinedExisting
                ? $"This problem was already reported: your report joined the open request {receipt.CaseNumber}, which you can follow instead."
                : null,
            ["account_id"] = accountId,
        }), receipt.JoinedExisting ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    /// <summary>The key that sent a POST (403 when it is missing, unknown, revoked or not for this jurisdiction).</summary>
    public static Open311Key RequireKey(HttpContext http, string doing)
    {
        var key = http.Items[Open311Filter.KeyItem] as Open311Key
            ?? throw Open311Exception.Forbidden(Open311Formats.Param(http.Request, "api_key") is null
                ? $"api_key is required to {doing}."
                : "api_key is not valid (unknown or revoked).");
        var jurisdiction = http.Items[Open311Filter.JurisdictionItem] as string;
        if (key.Jurisdictions.Count > 0 && (jurisdiction is null || !key.Jurisdictions.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase)))
        {
            throw Open311Exception.Forbidden($"This api_key may not post to jurisdiction '{jurisdiction}'.");
        }
        return key;
    }

    private static string? Clip(string? value) => value is null ? null : value[..Math.Min(value.Length, 100)];

    /// <summary>
    /// Where the problem is: lat and long; else an address_id, which here is a Linli region code (a
    /// building's, or a grid's); else an address_string that names a building, grid or community the
    /// way Linli names them. Each is placed at a point inside that region. Anything else is refused
    /// rather than guessed: a wrong guess sends the case to the wrong grid.
    /// </summary>
    private static (double Lon, double Lat) Location(string? lat, string? lon, string? address, string? addressId, IRegionLookup regions)
    {
        if (lat is not null || lon is not null)
        {
            return (Coordinate("long", lon, 180), Coordinate("lat", lat, 90));
        }
        if (addressId is not null)
        {
            return regions.PointIn(addressId) ?? throw Open311Exception.BadRequest(
                $"address_id '{Clip(addressId)}' is not a building or region code of this city: send lat and long instead.");
        }
        if (address is null)
        {
            throw Open311Exception.BadRequest("A location is required: lat and long, address_string or address_id.");
        }
        return regions.CodeNamedIn(address) is { } code && regions.PointIn(code) is { } point ? point : throw Open311Exception.BadRequest(
            $"The address '{Clip(address)}' cannot be placed on the map here: it names no building, grid or community of this city that Linli can tell apart. Send lat and long (WGS 84), or a building code as address_id.");
    }

    private static double Coordinate(string name, string? text, double limit)
    {
        if (text is null)
        {
            throw Open311Exception.BadRequest("lat and long must be sent together.");
        }
        if (text.Contains(',', StringComparison.Ordinal))
        {
            throw Open311Exception.BadRequest($"{name} '{text}' uses a comma: write decimals with a point (30.31, not 30,31).");
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || Math.Abs(value) > limit)
        {
            throw Open311Exception.BadRequest($"{name} '{text}' is not a decimal degree between -{limit} and {limit}.");
        }
        return value;
    }

    private static List<string> MediaUrls(HttpRequest request)
    {
        IEnumerable<string?> values = request.Query["media_url"].Concat(request.Query["media_url[]"]);
        if (request.HasFormContentType)
        {
            values = values.Concat(request.Form["media_url"]).Concat(request.Form["media_url[]"]);
        }
        var urls = values.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        if (urls.Count > 10)
        {
            throw Open311Exception.BadRequest($"At most 10 media_url, not {urls.Count}.");
        }
        if (urls.FirstOrDefault(u => u.Length > 1000 || !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) is { } bad)
        {
            throw Open311Exception.BadRequest($"media_url '{bad[..Math.Min(bad.Length, 100)]}' is not an http(s) URL.");
        }
        return urls;
    }

    /// <summary><c>attribute[CODE]=v</c> and <c>attribute[CODE][]=v1&amp;attribute[CODE][]=v2</c>.</summary>
    private static Dictionary<string, List<string>> Attributes(HttpRequest request)
    {
        var pairs = request.Query.AsEnumerable();
        if (request.HasFormContentType)
        {
            pairs = pairs.Concat(request.Form);
        }
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in pairs)
        {
            if (!name.StartsWith("attribute[", StringComparison.Ordinal))
            {
                continue;
            }
            var close = name.IndexOf(']', StringComparison.Ordinal);
            if (close <= 10)
            {
                continue;
            }
            var code = name[10..close];
            var list = answers.TryGetValue(code, out var existing) ? existing : answers[code] = [];
            list.AddRange(values.OfType<string>().Where(v => v.Length > 0));
        }
        return answers.Where(a => a.Value.Count > 0).ToDictionary(a => a.Key, a => a.Value);
    }
}
