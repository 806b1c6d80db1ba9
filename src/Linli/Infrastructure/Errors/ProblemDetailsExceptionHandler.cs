using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Infrastructure.Errors;

/// <summary>Turns every exception a client can provoke into a ProblemDetails; anything else stays a 500.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException v => new ValidationProblemDetails(v.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            DomainException d => WithExtensions(new ProblemDetails { Status = d.Status, Title = d.Title, Detail = d.Message }, d),
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                Detail = DescribeBadRequest(b),
            },
            JsonException j => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed JSON",
                Detail = j.Message,
            },
            // Two writers on the same rows at once (a version check, a unique index, a deadlock PostgreSQL
            // broke): nothing was written for this request, and trying again will see the other's change.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => ConcurrentChange(),
            _ when Persistence.DbErrors.IsLostRace(exception) => ConcurrentChange(),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ConcurrentChange() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Changed at the same time",
        Detail = "Someone else changed the same record at the same moment; nothing was saved from this request. Reload and try again.",
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, DomainException exception)
    {
        foreach (var (key, value) in exception.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    // Minimal APIs wrap JSON errors; the inner message names the path and position.
    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? $"{exception.Message} {json.Message}" : exception.Message;
}
