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
}
