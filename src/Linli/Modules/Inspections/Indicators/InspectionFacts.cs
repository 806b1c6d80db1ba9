using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>Compliance counts for the Insights dashboard: a handful of COUNTs on the users under one region prefix.</summary>
internal sealed class InspectionFacts(IDbContextFactory<LinliDb> dbFactory) : IInspectionFacts
{
    public async Task<InspectionCompliance> ComplianceAsync(string regionCode, DateOnly first, DateOnly last, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = RegionScope.Prefix(regionCode);
        var customers = db.UtilityCustomers.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix));
        var active = await customers.LongCountAsync(c => c.Active, ct);
        var overdue = (await IndicatorQueries.OverdueAsync(db, customers, today, ct)).Sum(o => o.Count);
        var plan = from i in db.Inspections.AsNoTracking()
                   join c in customers on i.CustomerId equals c.Id
                   where i.Kind == InspectionKinds.Periodic && i.Status != InspectionStatus.Cancelled && i.DueOn >= first && i.DueOn <= last
                   select i;
        var due = await plan.LongCountAsync(ct);
        var done = await plan.LongCountAsync(i => i.Status == InspectionStatus.Done, ct);
        var open = from h in db.Hazards.AsNoTracking()
                   join c in customers on h.CustomerId equals c.Id
                   where h.Status != HazardStatus.Closed
                   select h;
        var openAll = await open.LongCountAsync(ct);
        var openMajor = await open.LongCountAsync(h => h.Grade == HazardGrades.Major, ct);
        var openPast = await open.LongCountAsync(h => h.Deadline < today, ct);
        return new InspectionCompliance(active, overdue, due, done, IndicatorTally.Rate(done, due), openAll, openMajor, openPast);
    }
}
