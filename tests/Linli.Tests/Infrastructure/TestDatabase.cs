using Npgsql;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// A private database per test. SQLite (the default) is a temporary file; with
/// <c>LINLI_TEST_DATABASE=postgres</c> it is a fresh PostgreSQL database cloned from a migrated
/// template on the throwaway server that test.sh starts (<c>LINLI_TEST_POSTGRES</c>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool s_templateReady;

    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private TestDatabase(string connectionString, string? sqlitePath, string? postgresName)
    {
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public string ConnectionString { get; }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("LINLI_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => UsePostgres ? "postgres" : "sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), $"linli-test-{Guid.NewGuid():N}.db");
            return new TestDatabase($"Data Source={path}", path, null);
        }
        var server = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "LINLI_TEST_DATABASE=postgres needs LINLI_TEST_POSTGRES (a Host=… connection string); test.sh sets both.");
        var name = $"linli_test_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await EnsureTemplateAsync(server, admin);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE linli_template", admin))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, name);
    }

    /// <summary>A template with PostGIS and the migrations applied once, so each test's clone is instant.</summary>
    private static async Task EnsureTemplateAsync(string server, NpgsqlConnection admin)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (s_templateReady)
            {
                return;
            }
            await using (var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS linli_template WITH (FORCE)", admin))
            {
                await drop.ExecuteNonQueryAsync();
            }
            await using (var create = new NpgsqlCommand("CREATE DATABASE linli_template", admin))
            {
                await create.ExecuteNonQueryAsync();
            }
            var templateConnection = new NpgsqlConnectionStringBuilder(server) { Database = "linli_template", Pooling = false }.ConnectionString;
            await using (var app = new LinliAppFactory(templateConnection, demoCity: "none"))
            {
                await app.StartAsync();
            }
            NpgsqlConnection.ClearAllPools();
            // Keep the schema only: accounts, audit entries and pass-signing keys belong to each test's own keys and chain.
            await using (var template = new NpgsqlConnection(templateConnection))
            {
                await template.OpenAsync();
                await using var empty = new NpgsqlCommand("TRUNCATE users, staff_assignments, audit_entries, app_settings, pass_signing_keys CASCADE", template);
                await empty.ExecuteNonQueryAsync();
            }
            NpgsqlConnection.ClearAllPools();
            s_templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_sqlitePath + suffix);
                }
                catch (IOException)
                {
                    // A file still open by a finishing host; the OS temp cleaner takes it.
                }
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES")!;
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
