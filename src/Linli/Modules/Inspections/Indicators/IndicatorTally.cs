using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>The running counts of one row of the table while the grouped results are folded in.</summary>
internal sealed class IndicatorTally
{
    public long Due;
    public long Done;
    public long DoneOnTime;
    public long General;
    public long Major;
    public long Deadlines;
    public long OnTime;
    public long Late;
    public long OpenPast;
    public long OpenWithin;
    public long Overdue;
    public List<RepairTimesRow> Repairs { get; } = [];

    public void Add(CompletionCount c)
    {
        Due += c.Count;
        if (c.Status == InspectionStatus.Done)
        {
            Done += c.Count;
            if (c.CompletedDay is { } day && day <= IndicatorPeriod.DayIndex(c.DueOn))
            {
                DoneOnTime += c.Count;
            }
        }
    }

    public void Add(FoundCount f)
    {
        if (f.Grade == HazardGrades.Major)
        {
            Major += f.Count;
        }
        else
        {
            General += f.Count;
        }
    }

    public void Add(DeadlineCount d, DateOnly today)
    {
        Deadlines += d.Count;
        if (d.Status == HazardStatus.Closed)
        {
            if (d.RectifiedOnTime == true)
            {
                OnTime += d.Count;
            }
            else
            {
                Late += d.Count;
            }
        }
        else if (d.Deadline < today)
        {
            OpenPast += d.Count;
        }
        else
        {
            OpenWithin += d.Count;
        }
    }

    public PlanCompletion Plan() => new(Due, Done, DoneOnTime, Rate(Done, Due), Rate(DoneOnTime, Due));

    public HazardsFound Hazards() => new(General, Major, General + Major);

    public Rectification Rectification() => new(Deadlines, OnTime, Late, OpenPast, OpenWithin, Rate(OnTime, OnTime + Late + OpenPast));

    public RepairTimes RepairTimes(long nowMs)
    {
        var onSite = Repairs.Where(r => r.OnSiteAtMs is not null).Select(r => Minutes(r.ReportedAtMs, r.OnSiteAtMs!.Value)).ToList();
        var madeSafe = Repairs.Where(r => r.MadeSafeAtMs is not null).Select(r => Minutes(r.ReportedAtMs, r.MadeSafeAtMs!.Value)).ToList();
        // Judged: on site, or not yet on site although the target has run out (a miss already).
        var judged = Repairs.Where(r => r.OnSiteAtMs is not null || nowMs - r.ReportedAtMs > r.TargetOnSiteMinutes * 60_000L).ToList();
        var within = judged.LongCount(r => r.OnSiteAtMs is { } at && at - r.ReportedAtMs <= r.TargetOnSiteMinutes * 60_000L);
        return new RepairTimes(Repairs.Count, onSite.Count, Round(Percentiles.NearestRank(onSite, 50)), Round(Percentiles.NearestRank(onSite, 90)),
            madeSafe.Count, Round(Percentiles.NearestRank(madeSafe, 50)), Round(Percentiles.NearestRank(madeSafe, 90)),
            judged.Count, within, Rate(within, judged.Count));
    }

    public static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double Minutes(long fromMs, long toMs) => (toMs - fromMs) / 60_000.0;

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;
}
