using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    private static void ConfigurePeople(ModelBuilder modelBuilder)
    {
    }
}
