using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Modules.Open311.ManageKeys;

namespace Linli.Modules.Open311.Format;

/// <summary>
/// Every Open311 endpoint goes through here: the format suffix, the jurisdiction, the key (when
/// one is sent) and its rate, and every refusal as the specification's error list — never a
/// ProblemDetails. Nothing a client sends ends in a 500; a fault of Linli's own still does (in the
/// same shape), so that a client retries and an operator sees it, rather than blaming the request.
/// </summary>
internal sealed class Open311Filter(Open311Settings settings, Open311KeyStore keys, ILogger<Open311Filter> logger) : IEndpointFilter
{
    public const string KeyItem = "open311:key";
    public const string JurisdictionItem = "open311:jurisdiction";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Open311Formats.IsKnown(http))
        {
            return Open311Document.Errors(StatusCodes.Status404NotFound, "Unknown format: the path must end in .xml or .json.");
        }
        try
        {
            if (http.Request.HasFormContentType)
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            http.Items[JurisdictionItem] = settings.Check(Open311Formats.Param(http.Request, "jurisdiction_id"));
            var key = Open311Formats.Param(http.Request, "api_key") is { } secret ? await keys.FindAsync(secret, http.RequestAborted) : null;
            var partition = key is null ? $"ip:{http.Connection.RemoteIpAddress}" : $"key:{key.Id}";
            if (!keys.TryAcquire(partition, key?.PerMinute ?? settings.PublicPerMinute))
            {
                http.Response.Headers.RetryAfter = "60";
                return Open311Document.Errors(StatusCodes.Status429TooManyRequests, "Too many requests: slow down and try again in a minute.");
            }
            http.Items[KeyItem] = key;
            return await next(context);
        }
        catch (Open311Exception e)
        {
            return Open311Document.Errors(e.Status, e.Message);
        }
        catch (RequestValidationException e)
        {
            return Open311Document.Errors(StatusCodes.Status400BadRequest,
                [.. e.Errors.Select(f => $"{f.Key}: {string.Join("; ", f.Value)}")]);
        }
        catch (DomainException e)
        {
            var status = e.Status is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden ? e.Status : StatusCodes.Status400BadRequest;
            return Open311Document.Errors(status, $"{e.Title}: {e.Message}");
        }
        catch (Exception e) when (e is BadHttpRequestException or JsonException or InvalidDataException or FormatException or IOException)
        {
            return Open311Document.Errors(StatusCodes.Status400BadRequest, $"Bad request: {e.Message}");
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // A fault of ours, logged in full; the client gets the specification's error shape.
            logger.LogError(e, "Open311 request {Path} failed", http.Request.Path);
            return Open311Document.Errors(StatusCodes.Status500InternalServerError, "Linli could not process the request because of a fault of its own; it has been logged. Try again later.");
        }
    }
}

/// <summary>The jurisdictions Linli answers to (<c>Linli:Open311:Jurisdictions</c>) and the anonymous rate.</summary>
internal sealed class Open311Settings(IConfiguration configuration)
{
    public IReadOnlyList<string> Jurisdictions { get; } =
        configuration.GetSection("Linli:Open311:Jurisdictions").Get<string[]>()?.Where(j => !string.IsNullOrWhiteSpace(j)).ToArray() ?? [];

    public int PublicPerMinute { get; } = configuration.GetValue("Linli:RateLimits:PublicPerMinute", 120);

    public string? Contact { get; } = configuration["Linli:Open311:Contact"];

    /// <summary>The jurisdiction a request is for: required when several are configured, refused when unknown.</summary>
    public string? Check(string? given)
    {
        if (given is null)
        {
            return Jurisdictions.Count switch
            {
                > 1 => throw Open311Exception.BadRequest($"jurisdiction_id is required: this endpoint serves {string.Join(", ", Jurisdictions)}."),
                1 => Jurisdictions[0],
                _ => null,
            };
        }
        if (Jurisdictions.Count > 0 && !Jurisdictions.Contains(given, StringComparer.OrdinalIgnoreCase))
        {
            throw Open311Exception.NotFound($"jurisdiction_id '{given}' is not served here.");
        }
        return Jurisdictions.FirstOrDefault(j => string.Equals(j, given, StringComparison.OrdinalIgnoreCase)) ?? given;
    }
}
