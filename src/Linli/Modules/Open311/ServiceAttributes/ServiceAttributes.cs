using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.ServiceAttributes;

public sealed record AttributeValueDto(string? Key, string? Name);

/// <summary>An attribute as administrators write and read it (<c>PUT/GET /api/v1/open311/services/{code}/attributes</c>).</summary>
public sealed record AttributeDefinition(string? Code, string? Datatype, bool? Required, bool? Variable, int? Order, string? Description,
    string? DatatypeDescription, IReadOnlyList<AttributeValueDto>? Values);

/// <summary>
/// The questions a service asks (the specification's service definition): administrators replace a
/// service's whole list at once; <c>services/{code}</c> shows it, <c>services</c> says
/// <c>metadata=true</c> for it, and <c>POST requests</c> checks the answers against it.
/// </summary>
internal static partial class ServiceAttributes
{
    public static readonly string[] Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];
    public const int MaxAttributes = 50;
    public const int MaxValues = 200;

    public static async Task<Ok<List<AttributeDefinition>>> Get(string code, LinliDb db, ICaseDirectory cases, CancellationToken ct)
    {
        await RequireServiceAsync(code, cases, ct);
        return TypedResults.Ok((await ForAsync(db, code, ct)).Select(View).ToList());
    }

    public static async Task<Ok<List<AttributeDefinition>>> Put(string code, List<AttributeDefinition?>? body, LinliDb db, ICaseDirectory cases,
        CancellationToken ct)
    {
        await RequireServiceAsync(code, cases, ct);
        var attributes = Validate(code, body ?? throw new RequestValidationException("body", "a JSON list of attributes ([] removes them all)"));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Open311Attributes.Where(a => a.ServiceCode == code).ExecuteDeleteAsync(ct);
        db.Open311Attributes.AddRange(attributes);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(attributes.OrderBy(a => a.Order).Select(View).ToList());
    }

    public static async Task<IReadOnlyList<Open311Attribute>> ForAsync(LinliDb db, string serviceCode, CancellationToken ct) =>
        await db.Open311Attributes.AsNoTracking().Where(a => a.ServiceCode == serviceCode).OrderBy(a => a.Order).ToListAsync(ct);

    public static async Task<HashSet<string>> ServicesWithAttributesAsync(LinliDb db, CancellationToken ct) =>
        (await db.Open311Attributes.AsNoTracking().Select(a => a.ServiceCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>One attribute in the specification's service definition (values empty for the types without a list).</summary>
    public static JsonObject Definition(Open311Attribute a) => new()
    {
        ["variable"] = a.Variable,
        ["code"] = a.Code,
        ["datatype"] = a.Datatype,
        ["required"] = a.Required,
        ["datatype_description"] = a.DatatypeDescription,
        ["order"] = a.Order,
        ["description"] = a.Description,
        ["values"] = new JsonArray([.. a.Values.Select(v => (JsonNode)new JsonObject { ["key"] = v.Key, ["name"] = v.Name })]),
    };

    /// <summary>
    /// The answers of a posted request against the service's attributes: required ones present, lists
    /// within their keys, numbers and ISO 8601 date-times as such. Answers to unknown codes are ignored.
    /// </summary>
    public static void Check(IReadOnlyList<Open311Attribute> attributes, IReadOnlyDictionary<string, List<string>> answers)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var a in attributes.Where(a => a.Variable))
        {
            var name = a.Datatype == "multivaluelist" ? $"attribute[{a.Code}][]" : $"attribute[{a.Code}]";
            if (!answers.TryGetValue(a.Code, out var given) || given.Count == 0)
            {
                if (a.Required) errors[name] = [$"is required: {a.Description}"];
                continue;
            }
            var keys = a.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
            string? problem = a.Datatype switch
            {
                _ when a.Datatype != "multivaluelist" && given.Count > 1 => "takes one value",
                "singlevaluelist" or "multivaluelist" when given.FirstOrDefault(v => !keys.Contains(v)) is { } bad =>
                    $"'{Clip(bad)}' is not one of the keys {string.Join(", ", keys)}",
                "number" when !double.TryParse(given[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) =>
                    $"'{Clip(given[0])}' is not a number (write decimals with a point)",
                "datetime" when !IsIso8601(given[0]) => $"'{Clip(given[0])}' is not an ISO 8601 date-time (2026-03-01T08:00:00+08:00)",
                "string" when given[0].Length > 1000 => "at most 1,000 characters",
                "text" when given[0].Length > 4000 => "at most 4,000 characters",
                _ => null,
            };
            if (problem is not null) errors[name] = [problem];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private static bool IsIso8601(string text)
    {
        // A space where a '+' was is a form-encoding slip clients make with the zone.
        var repaired = text.Length > 19 && text[^6] == ' ' ? text[..^6] + "+" + text[^5..] : text;
        return Iso8601().IsMatch(repaired)
            && DateTimeOffset.TryParse(repaired, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,50}$")]
    private static partial Regex CodeShape();

    private static string Clip(string value) => value[..Math.Min(value.Length, 100)];

    private static async Task RequireServiceAsync(string code, ICaseDirectory cases, CancellationToken ct)
    {
        if (!(await cases.CategoriesAsync(ct)).Any(c => c.Code == code))
        {
            throw new NotFoundException($"There is no service (minor category) '{code}'.");
        }
    }

    private static List<Open311Attribute> Validate(string serviceCode, List<AttributeDefinition?> body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Count > MaxAttributes) errors["body"] = [$"at most {MaxAttributes} attributes, not {body.Count}"];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var orders = new HashSet<int>();
        var result = new List<Open311Attribute>();
        for (var i = 0; i < body.Count; i++)
        {
            void Fail(string field, string reason) => errors[$"[{i}]{field}"] = [reason];
            if (body[i] is not { } a)
            {
                Fail("", "an attribute object, not null");
                continue;
            }
            var code = a.Code?.Trim();
            if (string.IsNullOrEmpty(code) || !CodeShape().IsMatch(code)) Fail(".code", "1 to 50 letters, digits, '_', '-' or '.'");
            else if (!codes.Add(code)) Fail(".code", $"'{code}' appears twice");
            if (a.Datatype is null || !Datatypes.Contains(a.Datatype)) Fail(".datatype", $"one of {string.Join(", ", Datatypes)}");
            if (a.Order is not { } order || order < 1) Fail(".order", "a positive whole number");
            else if (!orders.Add(order)) Fail(".order", $"{order} is used by another attribute: orders are unique within a service");
            var description = a.Description?.Trim();
            if (string.IsNullOrEmpty(description)) Fail(".description", "is required: the question the user is asked");
            else if (description.Length > 500) Fail(".description", "at most 500 characters");
            var datatypeDescription = string.IsNullOrWhiteSpace(a.DatatypeDescription) ? null : a.DatatypeDescription.Trim();
            if (datatypeDescription?.Length > 500) Fail(".datatypeDescription", "at most 500 characters");
            var isList = a.Datatype is "singlevaluelist" or "multivaluelist";
            var values = new List<Open311AttributeValue>();
            if (isList)
            {
                if (a.Values is not { Count: > 0 }) Fail(".values", "a list type needs at least one {key, name}");
                else if (a.Values.Count > MaxValues) Fail(".values", $"at most {MaxValues} values");
                else
                {
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    for (var j = 0; j < a.Values.Count; j++)
                    {
                        var key = a.Values[j]?.Key?.Trim();
                        var name = a.Values[j]?.Name?.Trim();
                        if (string.IsNullOrEmpty(key) || key.Length > 100) Fail($".values[{j}].key", "1 to 100 characters");
                        else if (!keys.Add(key)) Fail($".values[{j}].key", $"'{key}' appears twice");
                        if (string.IsNullOrEmpty(name) || name.Length > 200) Fail($".values[{j}].name", "1 to 200 characters");
                        if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(name)) values.Add(new Open311AttributeValue(key, name));
                    }
                }
            }
            else if (a.Values is { Count: > 0 })
            {
                Fail(".values", $"only singlevaluelist and multivaluelist have values, not {a.Datatype}");
            }
            if (errors.Count == 0)
            {
                result.Add(new Open311Attribute(Guid.NewGuid(), serviceCode, code!, a.Datatype!, a.Required ?? false, a.Variable ?? true, a.Order!.Value,
                    description!, datatypeDescription, values));
            }
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return result;
    }

    private static AttributeDefinition View(Open311Attribute a) => new(a.Code, a.Datatype, a.Required, a.Variable, a.Order, a.Description,
        a.DatatypeDescription, a.IsList ? [.. a.Values.Select(v => new AttributeValueDto(v.Key, v.Name))] : []);
}
