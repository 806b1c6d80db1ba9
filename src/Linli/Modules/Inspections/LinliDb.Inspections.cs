using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<UtilityCustomer> UtilityCustomers => Set<UtilityCustomer>();
    public DbSet<FrequencyRule> FrequencyRules => Set<FrequencyRule>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Hazard> Hazards => Set<Hazard>();
    public DbSet<RepairTicket> RepairTickets => Set<RepairTicket>();
    public DbSet<RepairCrew> RepairCrews => Set<RepairCrew>();
    public DbSet<InspectionEvent> InspectionEvents => Set<InspectionEvent>();

    /// <summary>A utility's users, its plans and checklists, inspections, hazards and repairs.</summary>
    private static void ConfigureInspections(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UtilityCustomer>(c =>
        {
            c.ToTable("utility_customers");
            c.HasKey(x => x.Id);
            c.Property(x => x.Utility).HasMaxLength(16);
            c.Property(x => x.Number).HasMaxLength(32);
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.CreditCode).HasMaxLength(18);
            c.Property(x => x.Type).HasMaxLength(32);
            c.Property(x => x.Address).HasMaxLength(300);
            c.Property(x => x.RegionCode).HasMaxLength(32);
            c.Property(x => x.ContactNameProtected).HasMaxLength(1000);
            c.Property(x => x.ContactNameMasked).HasMaxLength(64);
            c.Property(x => x.ContactPhoneProtected).HasMaxLength(1000);
            c.Property(x => x.ContactPhoneMasked).HasMaxLength(32);
            c.Property(x => x.Supply).HasMaxLength(16);
            c.Property(x => x.RiskClass).HasMaxLength(16);
            c.Property(x => x.EquipmentJson).HasMaxLength(20000);
            c.Property(x => x.CreatedBy).HasMaxLength(64);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => new { x.Utility, x.Number }).IsUnique();
            c.HasIndex(x => new { x.Utility, x.RegionCode });
            c.HasIndex(x => new { x.Utility, x.Active, x.NextDueOn });
        });
        modelBuilder.Entity<FrequencyRule>(r =>
        {
            r.ToTable("inspection_frequency_rules");
            r.HasKey(x => x.Id);
            r.Property(x => x.Utility).HasMaxLength(16);
            r.Property(x => x.CustomerType).HasMaxLength(32);
            r.Property(x => x.RiskClass).HasMaxLength(16);
            r.Property(x => x.RegionPrefix).HasMaxLength(32);
            r.Property(x => x.Note).HasMaxLength(500);
            r.HasIndex(x => new { x.Utility, x.CustomerType, x.RiskClass, x.RegionPrefix }).IsUnique();
        });
        modelBuilder.Entity<ChecklistTemplate>(t =>
        {
            t.ToTable("checklist_templates");
            t.HasKey(x => new { x.Utility, x.Code });
            t.Property(x => x.Utility).HasMaxLength(16);
            t.Property(x => x.Code).HasMaxLength(32);
            t.Property(x => x.Name).HasMaxLength(200);
            t.Property(x => x.ItemsJson).HasMaxLength(100000);
            t.Property(x => x.UpdatedBy).HasMaxLength(64);
            t.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<Inspection>(i =>
        {
            i.ToTable("inspections");
            i.HasKey(x => x.Id);
            i.Property(x => x.Utility).HasMaxLength(16);
            i.Property(x => x.Kind).HasMaxLength(16);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            i.Property(x => x.Inspector).HasMaxLength(64);
            i.Property(x => x.TemplateCode).HasMaxLength(32);
            i.Property(x => x.Outcome).HasMaxLength(16);
            i.Property(x => x.AnswersJson).HasMaxLength(100000);
            i.Property(x => x.PhotosJson).HasMaxLength(10000);
            i.Property(x => x.SignaturePath).HasMaxLength(300);
            i.Property(x => x.SignerName).HasMaxLength(64);
            i.Property(x => x.Note).HasMaxLength(2000);
            // One open periodic inspection per user however many nodes refresh at once; null once done or cancelled.
            i.HasIndex(x => x.OpenPeriodicFor).IsUnique();
            i.Property(x => x.Version).IsConcurrencyToken();
            i.HasIndex(x => new { x.Utility, x.Status, x.DueOn });
            i.HasIndex(x => new { x.Inspector, x.PlannedOn });
            i.HasIndex(x => new { x.CustomerId, x.Status });
            i.HasIndex(x => x.HazardId);
        });
        modelBuilder.Entity<Hazard>(h =>
        {
            h.ToTable("hazards");
            h.HasKey(x => x.Id);
            h.Property(x => x.Utility).HasMaxLength(16);
            h.Property(x => x.Number).HasMaxLength(32);
            h.Property(x => x.ItemCode).HasMaxLength(32);
            h.Property(x => x.Grade).HasMaxLength(16);
            h.Property(x => x.Description).HasMaxLength(2000);
            h.Property(x => x.NoticeNumber).HasMaxLength(32);
            h.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            h.Property(x => x.CaseNumber).HasMaxLength(32);
            h.Property(x => x.FoundBy).HasMaxLength(64);
            h.Property(x => x.Version).IsConcurrencyToken();
            h.HasIndex(x => x.Number).IsUnique();
            h.HasIndex(x => x.NoticeNumber).IsUnique();
            h.HasIndex(x => new { x.Utility, x.Status, x.Deadline });
            h.HasIndex(x => new { x.CustomerId, x.Status });
        });
        modelBuilder.Entity<RepairTicket>(r =>
        {
            r.ToTable("repair_tickets");
            r.HasKey(x => x.Id);
            r.Property(x => x.Utility).HasMaxLength(16);
            r.Property(x => x.Number).HasMaxLength(32);
            r.Property(x => x.Kind).HasMaxLength(16);
            r.Property(x => x.Source).HasMaxLength(16);
            r.Property(x => x.Description).HasMaxLength(2000);
            r.Property(x => x.Address).HasMaxLength(300);
            r.Property(x => x.RegionCode).HasMaxLength(32);
            r.Property(x => x.CallerPhoneProtected).HasMaxLength(1000);
            r.Property(x => x.CallerPhoneMasked).HasMaxLength(32);
            r.Property(x => x.CaseNumber).HasMaxLength(32);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.ReportedBy).HasMaxLength(64);
            r.Property(x => x.Resolution).HasMaxLength(2000);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasIndex(x => x.Number).IsUnique();
            r.HasIndex(x => new { x.Utility, x.Status, x.ReportedAtMs });
            r.HasIndex(x => x.CrewId);
        });
        modelBuilder.Entity<RepairCrew>(c =>
        {
            c.ToTable("repair_crews");
            c.HasKey(x => x.Id);
            c.Property(x => x.Utility).HasMaxLength(16);
            c.Property(x => x.Name).HasMaxLength(100);
            c.Property(x => x.Members).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => new { x.Utility, x.Name }).IsUnique();
        });
        modelBuilder.Entity<InspectionEvent>(e =>
        {
            e.ToTable("inspection_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.SubjectKind).HasMaxLength(16);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.SubjectId, x.Id });
        });
    }
}
