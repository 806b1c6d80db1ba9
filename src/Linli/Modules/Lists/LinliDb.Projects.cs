using Linli.Modules.Lists.Matching.Engine;
using Linli.Modules.Lists.Projects.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();
    public DbSet<ProjectNumberCounter> ProjectNumberCounters => Set<ProjectNumberCounter>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<MatchingRun> MatchingRuns => Set<MatchingRun>();
    public DbSet<MatchProposal> MatchProposals => Set<MatchProposal>();

    /// <summary>Projects, their milestones, the matching runs and proposals, and allocations of resources to needs.</summary>
    private static void ConfigureProjects(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(p =>
        {
            p.ToTable("projects");
            p.HasKey(x => x.Id);
            p.Property(x => x.Number).HasMaxLength(32);
            p.HasIndex(x => x.Number).IsUnique();
            p.Property(x => x.Title).HasMaxLength(200);
            p.Property(x => x.Description).HasMaxLength(2000);
            p.Property(x => x.Origin).HasMaxLength(16);
            p.Property(x => x.RegionCode).HasMaxLength(32);
            p.Property(x => x.LeadUnit).HasMaxLength(100);
            p.Property(x => x.OwnerUserId).HasMaxLength(64);
            p.Property(x => x.OwnerNameProtected).HasMaxLength(1000);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.ClosingEvidence).HasMaxLength(2000);
            p.Property(x => x.ClosingPhotoIds).HasMaxLength(400);
            p.Property(x => x.RatingComment).HasMaxLength(500);
            p.Property(x => x.RatedBy).HasMaxLength(64);
            p.Property(x => x.CreatedBy).HasMaxLength(64);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.Progress);
            p.Ignore(x => x.ClosingPhotos);
            p.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasIndex(x => new { x.RegionCode, x.Status });
            p.HasIndex(x => x.LeadUnit);
        });
        modelBuilder.Entity<ProjectMilestone>(m =>
        {
            m.ToTable("project_milestones");
            m.HasKey(x => x.Id);
            // Ids are made in code: a milestone found through its project is new, not an existing row.
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Title).HasMaxLength(200);
            m.Property(x => x.Evidence).HasMaxLength(2000);
        });
        modelBuilder.Entity<ProjectNumberCounter>(n =>
        {
            n.ToTable("project_number_counters");
            n.HasKey(x => x.Year);
        });
        modelBuilder.Entity<Allocation>(a =>
        {
            a.ToTable("allocations");
            a.HasKey(x => x.Id);
            a.Property(x => x.CreatedBy).HasMaxLength(64);
            a.HasIndex(x => new { x.ResourceId, x.Active });
            a.HasIndex(x => x.DemandId);
            a.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<MatchingRun>(r =>
        {
            r.ToTable("matching_runs");
            r.HasKey(x => x.Id);
            r.Property(x => x.RegionCode).HasMaxLength(32);
            r.Property(x => x.StartedBy).HasMaxLength(64);
            r.HasMany(x => x.Proposals).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Proposals).HasField("_proposals").UsePropertyAccessMode(PropertyAccessMode.Field);
            r.HasIndex(x => x.RegionCode);
        });
        modelBuilder.Entity<MatchProposal>(p =>
        {
            p.ToTable("match_proposals");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.SharedWindows).HasMaxLength(1000);
            p.Property(x => x.ExplanationZh).HasMaxLength(500);
            p.Property(x => x.ExplanationEn).HasMaxLength(500);
            p.Property(x => x.ConfirmedAs).HasMaxLength(16);
        });
    }
}
