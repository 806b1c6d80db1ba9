using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

internal static class PersistenceSetup
{
    /// <summary>
    /// Chooses the provider from <c>ConnectionStrings:Linli</c>: a <c>Host=…</c> string means
    /// PostgreSQL, anything else is a SQLite <c>Data Source=…</c>.
    /// </summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Linli") ?? "Data Source=data/linli.db";
        if (IsPostgres(connectionString))
        {
            builder.Services.AddDbContextFactory<PostgresLinliDb>(o => o
                .UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite().CommandTimeout(600)));
            builder.Services.AddSingleton<IDbContextFactory<LinliDb>, LinliDbFactory<PostgresLinliDb>>();
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextFactory<SqliteLinliDb>(o => o.UseSqlite(sqlite, s => s.CommandTimeout(600)));
            builder.Services.AddSingleton<IDbContextFactory<LinliDb>, LinliDbFactory<SqliteLinliDb>>();
            builder.Services.AddHostedService<SqliteCheckpointer>();
        }
        builder.Services.AddScoped<LinliDb>(sp => sp.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContext());
        return builder;
    }

    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Makes a relative SQLite path relative to the content root and creates its folder.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        var path = csb.DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && !path.StartsWith("file:", StringComparison.Ordinal))
        {
            if (!Path.IsPathRooted(path))
            {
                path = Path.GetFullPath(Path.Combine(contentRoot, path));
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        // Readers must not wait behind the importer's long write transaction.
        csb.Pooling = true;
        return csb.ToString();
    }

    /// <summary>Applies the provider's migration set; SQLite also switches to WAL for concurrent readers.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<LinliDb>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql)
        {
            // The migration may have just created the postgis extension; refresh the type mappings
            // that the data source loaded before it existed.
            await db.Database.OpenConnectionAsync(ct);
            await npgsql.ReloadTypesAsync(ct);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class LinliDbFactory<TImpl>(IDbContextFactory<TImpl> inner) : IDbContextFactory<LinliDb>
        where TImpl : LinliDb
    {
        public LinliDb CreateDbContext() => inner.CreateDbContext();
    }
}
