using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Linli.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add … --context SqliteLinliDb|PostgresLinliDb`.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLinliDb>
{
    public SqliteLinliDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLinliDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLinliDb>
{
    public PostgresLinliDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLinliDb>()
            .UseNpgsql("Host=localhost;Database=linli_design", o => o.UseNetTopologySuite()).Options);
}
