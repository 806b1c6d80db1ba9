namespace Linli.Infrastructure.Errors;

/// <summary>
/// A rule of the domain refused the request. Mapped to ProblemDetails in one place
/// (<see cref="ProblemDetailsExceptionHandler"/>); handlers never build ProblemDetails by hand.
/// </summary>
public class DomainException(string title, string detail, int status = StatusCodes.Status409Conflict) : Exception(detail)
{
    public string Title { get; } = title;
    public int Status { get; } = status;

    /// <summary>Extra members of the ProblemDetails (for example an import's <c>errors</c> array).</summary>
    public Dictionary<string, object?> Extensions { get; } = [];
}

/// <summary>The request is well-formed but cannot be processed as a whole (422).</summary>
public class UnprocessableException(string title, string detail)
    : DomainException(title, detail, StatusCodes.Status422UnprocessableEntity);

/// <summary>Something named in the request does not exist (404).</summary>
public sealed class NotFoundException(string detail) : DomainException("Not found", detail, StatusCodes.Status404NotFound);

/// <summary>The user may not do this (403).</summary>
public sealed class ForbiddenException(string detail) : DomainException("Forbidden", detail, StatusCodes.Status403Forbidden);

/// <summary>The node cannot answer yet, for example while the region index loads (503).</summary>
public sealed class NotReadyException(string detail)
    : DomainException("Not ready", detail, StatusCodes.Status503ServiceUnavailable);

/// <summary>A field of the request has a bad value (400 with the field and the reason).</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(string field, string reason) : base($"{field}: {reason}")
    {
        Errors = new Dictionary<string, string[]> { [field] = [reason] };
    }

    public RequestValidationException(IDictionary<string, string[]> errors) : base("The request has invalid fields.")
    {
        Errors = errors;
    }

    public IDictionary<string, string[]> Errors { get; }
}
