namespace Linli.Modules.Inspections.Data;

public sealed partial class Inspection
{
    /// <summary>
    /// The user's id while this is its open periodic inspection, null otherwise. A unique index on it
    /// keeps a user from ever having two open periodic inspections, even when two nodes refresh the
    /// due list at the same moment (a filtered unique index is not portable between the providers).
    /// </summary>
    public Guid? OpenPeriodicFor { get; private set; }

    /// <summary>A periodic inspection that fell due, holding the user's open slot until it is done or cancelled.</summary>
    public static Inspection Periodic(Guid id, string utility, Guid customerId, DateOnly dueOn, string templateCode, long nowMs) =>
        new(id, utility, customerId, InspectionKinds.Periodic, dueOn, templateCode, null, nowMs) { OpenPeriodicFor = customerId };
}
