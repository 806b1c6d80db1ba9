using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Modules.Cases.Calendar;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Cases.Data;

/// <summary>Who acts, when, and the clock to count limits with.</summary>
public sealed record CaseContext(DateTimeOffset Now, string? UserId, string? UserName, WorkingCalendar Calendar, TimeLimit Disposal);

/// <summary>Where a case was routed: codes from district down to building.</summary>
public sealed record CaseRegions(string District, string? Street, string? Community, string Grid, string? Building)
{
    /// <summary>The codes of where a point was located (a grid without a district takes its code's first six digits).</summary>
    public static CaseRegions Of(Geography.Contracts.PointLocation at) =>
        new(at.District?.Code ?? at.Grid.Code[..6], at.Street?.Code, at.Community?.Code, at.Grid.Code, at.Building?.Code);
}

/// <summary>An action that the case's stage does not allow (409 with the reason).</summary>
public sealed class CaseTransitionException(string detail) : DomainException("Not allowed in this stage", detail);

public sealed partial class Case
{
    public static Case Report(Guid id, string number, CaseSource source, string category, string priority, string description,
        string? address, Point location, CaseRegions regions, string? reporterUserId, string? reporterName, string? reporterPhone,
        string followTokenHash, CaseContext context, object? reportData = null)
    {
        var reported = new Case
        {
            Id = id,
            Number = number,
            Source = source,
            CategoryCode = category,
            Priority = priority,
            Description = description,
            Address = address,
            Location = location,
            DistrictCode = regions.District,
            StreetCode = regions.Street,
            CommunityCode = regions.Community,
            GridCode = regions.Grid,
            BuildingCode = regions.Building,
            ReporterUserId = reporterUserId,
            ReporterNameProtected = reporterName,
            ReporterPhoneProtected = reporterPhone,
            FollowTokenHash = followTokenHash,
            ReportedAt = context.Now,
            ReportedAtMs = context.Now.ToUnixTimeMilliseconds(),
            Stage = CaseStage.Reported,
            ReportCount = 1,
            SpotCell = Duplicates.DuplicateRules.Cell(location.X, location.Y),
        };
        // The whole case's limit: every stage of the loop back to back from the report.
        var deadline = context.Now;
        foreach (var stage in StageLimits.Loop)
        {
            deadline = context.Calendar.Deadline(deadline, StageLimits.For(stage, context.Disposal)!);
        }
        reported.CaseDeadlineMs = deadline.ToUnixTimeMilliseconds();
        reported.Move("report", CaseStage.Reported, context, null, reportData);
        return reported;
    }

    public void Accept(CaseContext c) => Move("accept", Require("accept") ?? CaseStage.Accepted, c);

    public void File(CaseContext c) => Move("file", Require("file") ?? CaseStage.Filed, c);

    public void Decline(CaseContext c, string reason) =>
        Move("decline", Require("decline") ?? CaseStage.Declined, c, reason);

    public void Void(CaseContext c, string reason) =>
        Move("void", Require("void") ?? CaseStage.Voided, c, reason);

    public void Dispatch(CaseContext c, string unit, string? person, string? note)
    {
        Require("dispatch");
        AssignedUnit = unit;
        AssignedPerson = person;
        DispatchCount++;
        PendingExtensionHours = null;
        Move("dispatch", CaseStage.Dispatched, c, note, new { unit, person });
    }

    public void Return(CaseContext c, string reason)
    {
        Require("return");
        var unit = AssignedUnit;
        AssignedUnit = null;
        AssignedPerson = null;
        ReturnCount++;
        PendingExtensionHours = null;
        Move("return", CaseStage.Filed, c, reason, new { unit });
    }

    public void RequestExtension(CaseContext c, double hours, string reason)
    {
        Require("request-extension");
        if (PendingExtensionHours is not null)
        {
            throw new CaseTransitionException("An extension request is already waiting for a decision.");
        }
        PendingExtensionHours = hours;
        Record("request-extension", Stage, Stage, c, reason, new { hours });
    }

    public void GrantExtension(CaseContext c, string? note)
    {
        Require("grant-extension");
        var hours = PendingExtensionHours ?? throw new CaseTransitionException("No extension has been requested.");
        var limit = new TimeLimit(hours, c.Disposal.IsWorkingTime ? LimitUnit.WorkingHours : LimitUnit.NaturalHours);
        StageDeadlineMs = c.Calendar.Deadline(DateTimeOffset.FromUnixTimeMilliseconds(StageDeadlineMs ?? c.Now.ToUnixTimeMilliseconds()), limit).ToUnixTimeMilliseconds();
        StageWarningAtMs = c.Calendar.Deadline(DateTimeOffset.FromUnixTimeMilliseconds(StageWarningAtMs ?? c.Now.ToUnixTimeMilliseconds()), limit).ToUnixTimeMilliseconds();
        CaseDeadlineMs = c.Calendar.Deadline(DateTimeOffset.FromUnixTimeMilliseconds(CaseDeadlineMs), limit).ToUnixTimeMilliseconds();
        PendingExtensionHours = null;
        Record("grant-extension", Stage, Stage, c, note, new { hours });
    }

    public void RefuseExtension(CaseContext c, string reason)
    {
        Require("refuse-extension");
        var hours = PendingExtensionHours ?? throw new CaseTransitionException("No extension has been requested.");
        PendingExtensionHours = null;
        Record("refuse-extension", Stage, Stage, c, reason, new { hours });
    }

    /// <summary>缓办: the case waits (its clock stops) until it is dispatched again.</summary>
    public void Defer(CaseContext c, string reason) => Move("defer", Require("defer") ?? CaseStage.Deferred, c, reason);

    /// <summary>挂账: cannot be solved now, kept visible on the problem ledger.</summary>
    public void PutOnLedger(CaseContext c, string reason) =>
        Move("ledger", Require("ledger") ?? CaseStage.Ledger, c, reason);

    public void Feedback(CaseContext c, string note) => Move("feedback", Require("feedback") ?? CaseStage.FedBack, c, note);

    /// <summary>On site: passed goes on to closing; failed sends it back to the same unit (返工).</summary>
    public void Verify(CaseContext c, bool passed, string? note)
    {
        Require("verify");
        if (passed)
        {
            Move("verify", CaseStage.Verified, c, note, new { passed });
            return;
        }
        ReworkCount++;
        Move("verify", CaseStage.Dispatched, c, note, new { passed, rework = AssignedUnit });
    }

    public void Close(CaseContext c, string? note)
    {
        Require("close");
        MarkClosed(c);
        Move("close", CaseStage.Closed, c, note);
    }

    /// <summary>自处理: the finder fixed it on the spot; still recorded, closed at once.</summary>
    public void SelfHandle(CaseContext c, string note)
    {
        Require("self-handle");
        SelfHandled = true;
        MarkClosed(c);
        Move("self-handle", CaseStage.Closed, c, note);
    }

    public void Evaluate(CaseContext c, int rating, string? comment)
    {
        Require("evaluate");
        Rating = rating;
        RatingComment = comment;
        Move("evaluate", CaseStage.Evaluated, c, comment, new { rating });
    }

    /// <summary>
    /// A note for everyone following the case (an Open311 client's update, say): recorded in the
    /// history, the stage unchanged, whatever the stage — a closed case stays closed.
    /// </summary>
    public int AddPublicNote(CaseContext c, string note, object? data = null)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new CaseTransitionException("A public note needs some text.");
        }
        return Record(PublicNoteAction, Stage, Stage, c, note.Trim(), data);
    }

    /// <summary>The history action of <see cref="AddPublicNote"/>.</summary>
    public const string PublicNoteAction = "public-note";

    private void MarkClosed(CaseContext c)
    {
        ClosedAtMs = c.Now.ToUnixTimeMilliseconds();
        ClosedOnTime = ClosedAtMs <= CaseDeadlineMs;
    }

    /// <summary>Throws unless the action may start from the case's stage; returns null so callers can chain the target stage.</summary>
    private CaseStage? Require(string action)
    {
        var allowed = ActionStages[action];
        if (!allowed.Contains(Stage))
        {
            throw new CaseTransitionException(
                $"Cannot {action} case {Number}: it is {CaseNames.Stage(Stage)}; {action} needs it to be {string.Join(" or ", allowed.Select(CaseNames.Stage))}.");
        }
        return null;
    }

    private void Move(string action, CaseStage to, CaseContext c, string? note = null, object? data = null)
    {
        var from = Stage;
        Stage = to;
        var entry = Record(action, from, to, c, note, data);
        StageStartedAt = c.Now;
        StageEntry = entry;
        if (StageLimits.For(to, c.Disposal) is { } limit)
        {
            StageDeadlineMs = c.Calendar.Deadline(c.Now, limit).ToUnixTimeMilliseconds();
            StageWarningAtMs = c.Calendar.Deadline(c.Now, limit with { Value = limit.Value * TimerColours.WarningShare }).ToUnixTimeMilliseconds();
        }
        else
        {
            StageDeadlineMs = null;
            StageWarningAtMs = null;
        }
    }

    private int Record(string action, CaseStage from, CaseStage to, CaseContext c, string? note, object? data)
    {
        var sequence = _history.Count == 0 ? 1 : _history.Max(h => h.Sequence) + 1;
        _history.Add(new CaseEvent(Id, sequence, c.Now, c.UserId, c.UserName, action, from, to, note,
            data is null ? null : JsonSerializer.Serialize(data, JsonSerializerOptions.Web)));
        Version++;
        return sequence;
    }
}
