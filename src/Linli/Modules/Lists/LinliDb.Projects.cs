using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    /// <summary>Projects, their milestones, the matching runs and proposals, and allocations of resources to needs.</summary>
    private static void ConfigureProjects(ModelBuilder modelBuilder)
    {
    }
}
