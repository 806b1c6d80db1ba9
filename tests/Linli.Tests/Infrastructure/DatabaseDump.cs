using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Tests.Infrastructure;

/// <summary>What someone who copies the database gets: the SQLite files, or a pg_dump of the database.</summary>
public static class DatabaseDump
{
    public static async Task<string> ReadAsync(TestDatabase database)
    {
        if (!TestDatabase.UsePostgres)
        {
            var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            await using (var connection = new SqliteConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            var text = new StringBuilder();
            foreach (var file in new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                // Latin-1 keeps every byte, so ASCII digits are found wherever they sit.
                text.Append(Encoding.Latin1.GetString(memory.ToArray()));
                text.Append(Encoding.UTF8.GetString(memory.ToArray()));
            }
            return text.ToString();
        }
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("/usr/lib/postgresql/15/bin/pg_dump",
            ["-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username ?? "postgres", "-d", builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed: {await process.StandardError.ReadToEndAsync()}");
        }
        return output;
    }
}
