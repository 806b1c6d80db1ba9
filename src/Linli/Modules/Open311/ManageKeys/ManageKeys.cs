using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Data;
using Linli.Modules.Open311.Format;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.ManageKeys;

public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Jurisdictions, IReadOnlyList<string>? Categories, int? PerMinute);

public sealed record KeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Categories,
    int PerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The secret, only in the answer that created the key.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
}

/// <summary>A key as the admin page lists it: how many requests it posted (its Open311 request records) and the last one's time.</summary>
public sealed record KeyUsage(KeyView Key, int Requests, DateTimeOffset? LastUsedAt);

/// <summary>
/// <c>/api/v1/open311/keys</c>: administrators make keys for Open311 clients (the secret shown
/// once, its hash kept), list them without secrets, and revoke them.
/// </summary>
internal static class ManageKeys
{
    public const int DefaultPerMinute = 60;

    public static async Task<Created<KeyView>> Create(CreateKeyRequest request, HttpContext http, LinliDb db, ICaseDirectory cases,
        Open311Settings settings, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var view = await CreateAsync(request, http.User.FindFirstValue(ClaimTypes.NameIdentifier), db, cases, settings, audit, clock, ct);
        return TypedResults.Created($"/api/v1/open311/keys/{view.Id}", view);
    }

    /// <summary>
    /// Checks and stores a new key; the answer carries the secret (<see cref="KeyView.Key"/>), which is
    /// nowhere else afterwards. The API and the admin page both make keys here.
    /// </summary>
    /// <exception cref="RequestValidationException">A field is missing or wrong.</exception>
    public static async Task<KeyView> CreateAsync(CreateKeyRequest request, string? createdBy, LinliDb db, ICaseDirectory cases,
        Open311Settings settings, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required"];
        else if (request.Name.Length > 100) errors["name"] = ["at most 100 characters"];
        if (request.PerMinute is < 1 or > 100_000) errors["perMinute"] = ["between 1 and 100,000"];
        var jurisdictions = request.Jurisdictions?.Where(j => !string.IsNullOrWhiteSpace(j)).Select(j => j.Trim()).ToList() ?? [];
        if (settings.Jurisdictions.Count > 0 && jurisdictions.FirstOrDefault(j => !settings.Jurisdictions.Contains(j, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            errors["jurisdictions"] = [$"'{unknown}' is not one of the configured jurisdictions ({string.Join(", ", settings.Jurisdictions)})"];
        }
        var categories = request.Categories?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList() ?? [];
        if (categories.Count > 0)
        {
            var known = (await cases.CategoriesAsync(ct)).Select(c => c.Code).ToHashSet();
            if (categories.FirstOrDefault(c => !known.Contains(c)) is { } missing) errors["categories"] = [$"category {missing} does not exist"];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var secret = Open311KeyStore.NewSecret();
        var key = new Open311Key(Guid.NewGuid(), request.Name!.Trim(), Open311KeyStore.Hash(secret), secret[..9], jurisdictions, categories,
            request.PerMinute ?? DefaultPerMinute, clock.GetUtcNow().ToUnixTimeMilliseconds(), createdBy);
        db.Open311Keys.Add(key);
        await db.SaveChangesAsync(ct);
        // Who let which client in, and when: a key opens the city's intake to another system.
        await audit.RecordAsync("open311-key.create", key.Id.ToString(), AuditOutcomes.Success, $"{key.Name} ({key.Prefix}…)", ct);
        return View(key) with { Key = secret };
    }

    public static async Task<Ok<List<KeyView>>> List(LinliDb db, CancellationToken ct)
    {
        var keys = await db.Open311Keys.AsNoTracking().OrderBy(k => k.CreatedAtMs).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(View).ToList());
    }

    public static async Task<NoContent> Revoke(Guid id, LinliDb db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        await RevokeAsync(id, db, audit, clock, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes the key (again is no change); the API and the admin page both revoke here.</summary>
    /// <exception cref="NotFoundException">No such key.</exception>
    public static async Task RevokeAsync(Guid id, LinliDb db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.Open311Keys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException($"No Open311 key {id}.");
        key.Revoke(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("open311-key.revoke", key.Id.ToString(), AuditOutcomes.Success, key.Name, ct);
    }

    /// <summary>Every key without its secret, oldest first, with how many requests it posted and when it last did.</summary>
    public static async Task<List<KeyUsage>> ListWithUsageAsync(LinliDb db, CancellationToken ct)
    {
        var keys = await db.Open311Keys.AsNoTracking().OrderBy(k => k.CreatedAtMs).ToListAsync(ct);
        var usage = await db.Open311Requests.AsNoTracking().GroupBy(r => r.KeyId)
            .Select(g => new { KeyId = g.Key, Count = g.Count(), Last = g.Max(r => r.CreatedAtMs) })
            .ToDictionaryAsync(u => u.KeyId, ct);
        return keys.Select(k => usage.TryGetValue(k.Id, out var u)
            ? new KeyUsage(View(k), u.Count, DateTimeOffset.FromUnixTimeMilliseconds(u.Last))
            : new KeyUsage(View(k), 0, null)).ToList();
    }

    private static KeyView View(Open311Key k) => new(k.Id, k.Name, k.Prefix, k.Jurisdictions, k.Categories, k.PerMinute,
        DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedAtMs), k.RevokedAtMs is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null);
}
