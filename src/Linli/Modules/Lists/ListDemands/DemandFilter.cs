using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListDemands;

/// <summary>
/// The filters of the demand list and its map. <c>status</c> may name several (comma-separated);
/// <c>group</c> is a category group (elderly, children…); <c>region</c> a subtree; <c>q</c> words of the description.
/// </summary>
public sealed record DemandFilter(string? Status = null, string? Category = null, string? Group = null, string? Urgency = null,
    string? Channel = null, string? Region = null, string? CareTag = null, string? Q = null);

internal static class DemandQuery
{
    /// <summary>The needs the user may read that pass the filter; a bad filter value is 400 with its name.</summary>
    public static async Task<IQueryable<Demand>> WhereAsync(DemandFilter f, ClaimsPrincipal user, LinliDb db, IAccessControl access)
    {
        var query = db.Demands.AsNoTracking().Where(await ListScope.DemandsAsync(user, access));
        if (Given(f.Status) is { } status)
        {
            var wanted = status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => ListNames.ParseDemandStatus(s)).ToList();
            query = query.Where(d => wanted.Contains(d.Status));
        }
        if (Given(f.Category) is { } category)
        {
            if (!NeedCategories.IsKnown(category)) throw new RequestValidationException("category", $"'{category}' is not a need category");
            query = query.Where(d => d.Category == category);
        }
        if (Given(f.Group) is { } group)
        {
            var codes = NeedCategories.All.Where(c => c.Group == group).Select(c => c.Code).ToList();
            if (codes.Count == 0) throw new RequestValidationException("group", $"'{group}' is not a category group");
            query = query.Where(d => codes.Contains(d.Category));
        }
        if (Given(f.Urgency) is { } urgency)
        {
            if (!DemandRules.Urgencies.Any(u => u.Code == urgency)) throw new RequestValidationException("urgency", $"'{urgency}' is not an urgency");
            query = query.Where(d => d.Urgency == urgency);
        }
        if (Given(f.Channel) is { } channel)
        {
            if (!DemandRules.Channels.Any(c => c.Code == channel)) throw new RequestValidationException("channel", $"'{channel}' is not a channel");
            query = query.Where(d => d.Channel == channel);
        }
        if (Given(f.Region) is { } region)
        {
            if (region.Length > 32 || !region.All(char.IsAsciiDigit)) throw new RequestValidationException("region", "a region code (digits)");
            await access.EnsureAsync(user, Permissions.ListsRead, region);
            var prefix = RegionScope.Prefix(region);
            query = query.Where(d => d.RegionCode.StartsWith(prefix));
        }
        if (Given(f.CareTag) is { } tag)
        {
            if (!CareTags.IsKnown(tag)) throw new RequestValidationException("careTag", $"'{tag}' is not a care tag");
            // Searching by a care tag reveals it: only where the user may read the household book.
            await access.EnsureAsync(user, Permissions.PeopleRead);
            var scopes = await access.ScopesAsync(user, Permissions.PeopleRead);
            if (scopes is not null) query = query.Where(ListScope.Under<Demand>(d => d.RegionCode, scopes, []));
            var wrapped = "," + tag + ",";
            query = query.Where(d => ("," + d.CareTags + ",").Contains(wrapped));
        }
        if (Given(f.Q) is { } q)
        {
            query = query.Where(d => d.Description.Contains(q));
        }
        return query;
    }

    /// <summary>
    /// waiting (the default): longest-waiting first; urgency: most urgent first, then longest-waiting; newest.
    /// Ids are version-7 GUIDs made from the recording time (DemandIntake), so id order is recording
    /// order on both databases, which SQLite cannot do with a DateTimeOffset column.
    /// </summary>
    public static IQueryable<Demand> Sort(IQueryable<Demand> query, string? sort) => sort switch
    {
        null or "" or "waiting" => query.OrderBy(d => d.Id),
        "urgency" => query.OrderBy(d => d.Urgency == "urgent" ? 0 : d.Urgency == "high" ? 1 : d.Urgency == "normal" ? 2 : 3).ThenBy(d => d.Id),
        "newest" => query.OrderByDescending(d => d.Id),
        _ => throw new RequestValidationException("sort", "waiting, urgency or newest"),
    };

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
