namespace Linli.Modules.Open311.Data;

/// <summary>
/// One <c>POST servicerequestupdates</c> (FixMyStreet's extension): the client's own update id,
/// unique per key so that a repeat is the same update, and the history step it became (the
/// <c>update_id</c> Linli answers, the id space of <c>GET servicerequestupdates</c>). What the
/// case's note has no place for (the sender's name and e-mail, protected; the status the client
/// asked for; its time and photo) stays here.
/// </summary>
public sealed class Open311Update
{
    private Open311Update()
    {
        ClientUpdateId = "";
        CaseNumber = "";
        Status = "";
    }

    public Open311Update(Guid id, Guid keyId, string clientUpdateId, Guid caseId, string caseNumber, long stepId, string status,
        long? clientUpdatedAtMs, string? nameProtected, string? emailProtected, string? mediaUrl, long createdAtMs)
    {
        Id = id;
        KeyId = keyId;
        ClientUpdateId = clientUpdateId;
        CaseId = caseId;
        CaseNumber = caseNumber;
        StepId = stepId;
        Status = status;
        ClientUpdatedAtMs = clientUpdatedAtMs;
        NameProtected = nameProtected;
        EmailProtected = emailProtected;
        MediaUrl = mediaUrl;
        CreatedAtMs = createdAtMs;
    }

    public Guid Id { get; private set; }
    public Guid KeyId { get; private set; }

    /// <summary>The client's <c>update_id</c>.</summary>
    public string ClientUpdateId { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; }

    /// <summary>The case history step the update became: Linli's <c>update_id</c>.</summary>
    public long StepId { get; private set; }

    /// <summary>The extended status the client sent (upper case); it does not move the case.</summary>
    public string Status { get; private set; }
    public long? ClientUpdatedAtMs { get; private set; }
    public string? NameProtected { get; private set; }
    public string? EmailProtected { get; private set; }
    public string? MediaUrl { get; private set; }
    public long CreatedAtMs { get; private set; }
}
