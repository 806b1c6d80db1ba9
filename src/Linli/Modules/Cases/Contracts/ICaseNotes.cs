namespace Linli.Modules.Cases.Contracts;

/// <summary>
/// A public note recorded on a case: <paramref name="StepId"/> is the id of its history step (the
/// one adapters list the history by), <paramref name="Stage"/> and <paramref name="Resolved"/> the
/// case's state, which the note did not change.
/// </summary>
public sealed record PublicNoteReceipt(Guid CaseId, string CaseNumber, long StepId, string Stage, bool Resolved);

/// <summary>Notes written from outside the Cases module (an Open311 client's update, say).</summary>
public interface ICaseNotes
{
    /// <summary>
    /// Appends a public note to the case's history without changing its stage; null when no case has
    /// the number. Saved through the request's unit of work, so a caller's transaction covers it.
    /// </summary>
    Task<PublicNoteReceipt?> AddPublicNoteAsync(string caseNumber, string note, string author, object? data, CancellationToken ct);
}
