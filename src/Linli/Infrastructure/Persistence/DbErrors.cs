using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>Database refusals that mean something to the domain, told apart on both providers.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: the same thing was done twice, here or on another node.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };

    /// <summary>
    /// Another writer got there first: a unique clash, or PostgreSQL broke a deadlock or a serialization
    /// conflict by aborting this transaction. Worth one more look at the data. Npgsql's execution strategy
    /// wraps transient failures in an <see cref="InvalidOperationException"/>, so that wrapper is unwrapped.
    /// </summary>
    public static bool IsLostRace(Exception e) => e switch
    {
        DbUpdateException u when IsUniqueViolation(u) => true,
        DbUpdateException { InnerException: Npgsql.PostgresException p } => IsAbortedByConflict(p),
        Npgsql.PostgresException p => IsAbortedByConflict(p),
        InvalidOperationException { InnerException: { } inner } => IsLostRace(inner),
        _ => false,
    };

    private static bool IsAbortedByConflict(Npgsql.PostgresException p) => p.SqlState is "40P01" or "40001";
}
