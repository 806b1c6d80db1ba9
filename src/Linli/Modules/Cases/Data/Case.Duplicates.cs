namespace Linli.Modules.Cases.Data;

/// <summary>Reports joining and leaving a case: duplicates at intake, split and merge by staff.</summary>
public sealed partial class Case
{
    /// <summary>Stages in which a case can still take more reports, or be merged.</summary>
    public bool AcceptsReports => StillInTheLoop.Contains(Stage);

    /// <summary>Another report of the same problem joins the case (recorded; the stage does not change).</summary>
    public void Attach(CaseReport report, CaseContext c, double similarity)
    {
        ReportCount++;
        Record("attach-report", Stage, Stage, c, Shorten(report.Description),
            new { report = report.Id, source = CaseNames.Source(report.Source), category = report.CategoryCode, similarity = Math.Round(similarity, 3) });
    }

    /// <summary>A report that was attached by mistake leaves for a case of its own.</summary>
    public void SplitOut(CaseReport report, Case into, CaseContext c, string reason)
    {
        if (ReportCount <= 1)
        {
            throw new CaseTransitionException($"Case {Number} has a single report; there is nothing to split out.");
        }
        ReportCount--;
        Record("split", Stage, Stage, c, reason, new { report = report.Id, into = into.Number, intoId = into.Id });
    }

    /// <summary>The new case made from a split-out report records where it came from.</summary>
    public void NoteSplitFrom(Case from, CaseReport report, CaseContext c, string reason) =>
        Record("split-from", Stage, Stage, c, reason, new { report = report.Id, from = from.Number, fromId = from.Id });

    /// <summary>Staff merge this case into <paramref name="target"/>: it ends here, its reports go there.</summary>
    public void MergeInto(Case target, CaseContext c, string reason)
    {
        if (target.Id == Id)
        {
            throw new CaseTransitionException($"Case {Number} cannot be merged into itself.");
        }
        if (!AcceptsReports)
        {
            throw new CaseTransitionException($"Cannot merge case {Number}: it is {CaseNames.Stage(Stage)}; only a case still in the loop can be merged.");
        }
        if (!target.AcceptsReports)
        {
            throw new CaseTransitionException($"Cannot merge into case {target.Number}: it is {CaseNames.Stage(target.Stage)}; merge into a case still in the loop.");
        }
        var moved = ReportCount;
        target.ReportCount += moved;
        ReportCount = 0;
        MergedIntoId = target.Id;
        Move("merge", CaseStage.Merged, c, reason, new { into = target.Number, intoId = target.Id, reports = moved });
        target.Record("absorb", target.Stage, target.Stage, c, reason, new { from = Number, fromId = Id, reports = moved });
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
