using Linli.Infrastructure.Errors;

namespace Linli.Modules.Inspections.Data;

/// <summary>
/// Which step may follow which (the entity's setters in Data/ record the times; these guards
/// refuse an out-of-order step with a 409 naming the reason): reported → dispatched → on site →
/// made safe → finished, where planned work may finish from on site; cancel from any open step.
/// </summary>
public sealed partial class RepairTicket
{
    public bool IsOpen => Status is not (RepairStatus.Finished or RepairStatus.Cancelled);

    public bool IsEmergency => Kind == RepairKinds.Emergency;

    /// <summary>Planned work booked for a crew ahead of its day: the crew is named, nothing is dispatched yet.</summary>
    public void Book(Guid? crewId, long nowMs)
    {
        CrewId = crewId;
        Touch(nowMs);
    }

    /// <summary>Another node took this number between reading the day's last and saving; take the next.</summary>
    public void Renumber(string number) => Number = number;

    public void CheckDispatch()
    {
        if (Status is not (RepairStatus.Reported or RepairStatus.Dispatched))
        {
            throw Refused("dispatch", "only a reported or dispatched ticket can be (re)dispatched");
        }
    }

    public void CheckArrive()
    {
        if (Status != RepairStatus.Dispatched) throw Refused("arrive", "the crew must be dispatched before it arrives");
    }

    public void CheckMakeSafe()
    {
        if (Status != RepairStatus.OnSite) throw Refused("made-safe", "the crew must be on site to make it safe");
    }

    public void CheckFinish()
    {
        if (Status == RepairStatus.MadeSafe) return;
        if (Status == RepairStatus.OnSite && !IsEmergency) return;
        throw Refused("finish", IsEmergency ? "an emergency must be made safe before it is finished" : "the crew must be on site to finish");
    }

    public void CheckCancel()
    {
        if (!IsOpen) throw Refused("cancel", "the ticket is closed already");
    }

    /// <summary>Minutes from the report to the crew on site; null until it arrives.</summary>
    public double? MinutesToSite => OnSiteAtMs is { } at ? Math.Round((at - ReportedAtMs) / 60_000.0, 1) : null;

    /// <summary>Whether the crew was on site in time: known once it arrived, or once the target passed without it.</summary>
    public bool? TargetMet(long nowMs)
    {
        if (!IsEmergency || TargetOnSiteMinutes <= 0) return null;
        var limit = ReportedAtMs + TargetOnSiteMinutes * 60_000L;
        if (OnSiteAtMs is { } at) return at <= limit;
        if (Status == RepairStatus.Cancelled) return null;
        return nowMs > limit ? false : null;
    }

    private DomainException Refused(string step, string reason) =>
        new("Step not allowed", $"Cannot {step} {Number} while it is {Status}: {reason}.");
}
