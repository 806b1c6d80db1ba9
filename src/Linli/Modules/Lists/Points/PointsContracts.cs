namespace Linli.Modules.Lists.Points;

public sealed record EntryView(long Id, string Kind, int Points, string Reason, DateTimeOffset At, DateTimeOffset? ExpiresAt, Guid? MerchantId);

/// <summary>A person's points: the balance, hours volunteered (which never expire), what expires next, and the ledger newest first.</summary>
public sealed record LedgerView(string UserId, int Balance, decimal VolunteerHours, int ExpiringWithin90Days, DateTimeOffset? NextExpiry,
    IReadOnlyList<EntryView> Entries);

public sealed record HoursRequest(string? UserId, decimal? Hours, string? RegionCode, string? Activity, DateOnly? Date);

public sealed record HoursView(Guid Id, string UserId, decimal Hours, int Points, string RegionCode, string Activity, DateOnly Date);

public sealed record CodeRequest(int? Points);

/// <summary>The code to show the merchant; it is nowhere else afterwards (only its hash is kept).</summary>
public sealed record CodeView(string Code, int Points, DateTimeOffset ExpiresAt);

public sealed record RedeemRequest(Guid? MerchantId, string? Code);

public sealed record RedeemView(long EntryId, int Points, Guid MerchantId, DateTimeOffset At);
