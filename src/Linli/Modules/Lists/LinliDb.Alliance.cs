using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    /// <summary>The caring-merchant alliance, service stations and their bookings, the points ledger.</summary>
    private static void ConfigureAlliance(ModelBuilder modelBuilder)
    {
    }
}
