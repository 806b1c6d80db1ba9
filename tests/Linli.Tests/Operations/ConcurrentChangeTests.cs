using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linli.Tests.Operations;

/// <summary>
/// Two writers on the same rows at once is something clients can provoke: it must come back as a 409
/// ProblemDetails, never as a 500, and the background jobs must recognise it to look again.
/// </summary>
public sealed class ConcurrentChangeTests
{
    private static PostgresException Postgres(string sqlState) => new("conflict", "ERROR", "ERROR", sqlState);

    // What Npgsql's execution strategy throws when it will not retry a transient failure.
    private static InvalidOperationException Wrapped(Exception inner) => new("An exception has been raised that is likely due to a transient failure.", inner);

    [Theory]
    [InlineData("40P01", true)] // deadlock detected
    [InlineData("40001", true)] // serialization failure
    [InlineData("23505", true)] // unique violation
    [InlineData("23503", false)] // foreign key: a bug, not a race
    [InlineData("42P01", false)] // undefined table
    public void Lost_races_are_told_apart_from_other_database_errors(string sqlState, bool lost)
    {
        var update = new DbUpdateException("save failed", Postgres(sqlState));
        Assert.Equal(lost, DbErrors.IsLostRace(update));
        Assert.Equal(lost, DbErrors.IsLostRace(Wrapped(update)));
    }

    [Fact]
    public void An_unrelated_invalid_operation_is_not_a_lost_race()
    {
        Assert.False(DbErrors.IsLostRace(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DbErrors.IsLostRace(Wrapped(new TimeoutException())));
    }

    public static TheoryData<Exception> Races() => new()
    {
        new DbUpdateConcurrencyException("version changed"),
        Wrapped(new DbUpdateException("save failed", Postgres("40P01"))),
        new DbUpdateException("save failed", Postgres("23505")),
    };

    [Theory]
    [MemberData(nameof(Races))]
    public async Task A_lost_race_answers_409_with_a_problem_details(Exception race)
    {
        var (handled, status, body) = await HandleAsync(race);
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(409, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("try again", json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Any_other_database_failure_stays_a_server_error()
    {
        var (handled, _, _) = await HandleAsync(new DbUpdateException("save failed", Postgres("23503")));
        Assert.False(handled);
    }

    private static async Task<(bool Handled, int Status, string Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<IProblemDetailsService>());
        var handled = await handler.TryHandleAsync(http, exception, CancellationToken.None);
        http.Response.Body.Position = 0;
        return (handled, http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }
}
