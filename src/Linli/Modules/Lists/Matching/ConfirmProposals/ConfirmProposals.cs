using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Matching.Engine;
using Linli.Modules.Lists.Matching.ProposeMatches;
using Linli.Modules.Lists.Projects;
using Linli.Modules.Lists.Projects.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Matching.ConfirmProposals;

/// <summary>The proposals staff chose, and how: into one new project (with its title, lead unit and owner) or as direct assignments.</summary>
public sealed record ConfirmRequest(IReadOnlyList<Guid>? ProposalIds, string? As, string? Title, string? Description, string? LeadUnit, string? OwnerName);

public sealed record ConfirmResult(Guid RunId, string As, Guid? ProjectId, string? ProjectNumber, IReadOnlyList<Guid> Allocations);

/// <summary>A proposal no longer holds: what it relied on changed since the run (409).</summary>
public sealed class StaleRunException(string detail) : DomainException("Stale matching run", detail + " Run the matching again.");

/// <summary>
/// <c>POST /api/v1/matching/runs/{id}/confirm</c>: turns chosen proposals into allocations, moves
/// their needs to matched or into a new project and writes the history, all in one save. Capacity
/// is counted again now; the resource's version guards it against a confirmation saved meanwhile.
/// </summary>
internal static class ConfirmProposals
{
    public static async Task<Ok<ConfirmResult>> Handle(Guid id, ConfirmRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ConfirmAsync(id, request, http.User, db, access, protector, clock, ct));

    public static async Task<ConfirmResult> ConfirmAsync(Guid id, ConfirmRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var asProject = Check(request);
        var run = await db.MatchingRuns.Include(r => r.Proposals).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Matching run {id} does not exist.");
        await access.EnsureAsync(user, Permissions.ListsManage, run.RegionCode);
        if (asProject)
        {
            await access.EnsureAsync(user, Permissions.ProjectsManage, run.RegionCode);
        }
        var ids = request.ProposalIds!.Distinct().ToList();
        var chosen = run.Proposals.Where(p => ids.Contains(p.Id)).ToList();
        if (chosen.Count != ids.Count)
        {
            throw new RequestValidationException("proposalIds", $"{ids.Except(chosen.Select(p => p.Id)).First()} is not a proposal of run {id}");
        }
        var now = clock.GetUtcNow();
        if (now - run.StartedAt > RunViews.ValidFor)
        {
            throw new StaleRunException($"Run {id} is more than {RunViews.ValidFor.TotalDays:0} days old.");
        }
        var demandIds = chosen.Select(p => p.DemandId).Distinct().ToList();
        var resourceIds = chosen.Select(p => p.ResourceId).Distinct().ToList();
        var demands = await db.Demands.Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var resources = await db.Resources.Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var used = await MatchingEngine.UsedCapacityAsync(db, resourceIds, ct);
        CheckStillValid(run, chosen, demands, resources, used);

        var actor = ProposeMatches.ProposeMatches.Actor(user);
        Project? project = null;
        if (asProject)
        {
            project = new Project(Guid.CreateVersion7(now), await ProjectNumbers.TakeAsync(db, now, ct), request.Title!.Trim(),
                request.Description?.Trim() ?? "", ProjectOrigins.Matched, run.RegionCode, null, null, actor, now);
            db.Projects.Add(project);
            db.ListEvents.Add(project.Created(actor, now));
            db.ListEvents.Add(project.Started(ProjectOrigins.Matched, request.LeadUnit!.Trim(), null, protector.Protect(request.OwnerName!.Trim()), actor, now));
        }
        foreach (var demand in demands.Values)
        {
            var explanation = string.Join(" | ", chosen.Where(p => p.DemandId == demand.Id).Select(p => p.ExplanationEn));
            db.ListEvents.Add(project is null ? demand.Matched(actor, explanation, now) : demand.JoinedProject(project.Id, actor, now));
        }
        var allocations = new List<Guid>();
        foreach (var proposal in chosen)
        {
            var allocation = new Allocation(Guid.CreateVersion7(now), proposal.DemandId, proposal.ResourceId, proposal.Quantity, project?.Id, run.Id, actor, now);
            db.Allocations.Add(allocation);
            allocations.Add(allocation.Id);
            db.ListEvents.Add(resources[proposal.ResourceId].Allocated(proposal.DemandId, proposal.Quantity, actor, now));
            proposal.Confirm(asProject ? "project" : "direct", now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRunException("A need or resource of these proposals was changed by another confirmation at the same moment.");
        }
        return new ConfirmResult(run.Id, asProject ? "project" : "direct", project?.Id, project?.Number, allocations);
    }

    /// <summary>True for a project, false for direct assignments; a 400 for a request that is neither.</summary>
    private static bool Check(ConfirmRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ProposalIds is not { Count: > 0 and <= 500 }) errors["proposalIds"] = ["choose 1 to 500 proposals of the run"];
        if (request.As is not ("project" or "direct")) errors["as"] = ["'project' (one new project for all of them) or 'direct' (assignments without a project)"];
        if (request.As == "project")
        {
            if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200) errors["title"] = ["a project title of at most 200 characters"];
            if (string.IsNullOrWhiteSpace(request.LeadUnit) || request.LeadUnit.Length > 100) errors["leadUnit"] = ["the lead unit's code or name, at most 100 characters"];
            if (string.IsNullOrWhiteSpace(request.OwnerName) || request.OwnerName.Length > 50) errors["ownerName"] = ["the owner's name, at most 50 characters"];
            if (request.Description is { Length: > 2000 }) errors["description"] = ["at most 2,000 characters"];
        }
        return errors.Count > 0 ? throw new RequestValidationException(errors) : request.As == "project";
    }

    /// <summary>Refuses proposals whose need or resource changed since the run, or whose resource has no longer the capacity.</summary>
    private static void CheckStillValid(MatchingRun run, List<MatchProposal> chosen, Dictionary<Guid, Demand> demands, Dictionary<Guid, Resource> resources,
        Dictionary<Guid, int> used)
    {
        foreach (var proposal in chosen)
        {
            proposal.EnsureNotConfirmed();
            var demand = demands[proposal.DemandId];
            if (demand.Version != proposal.DemandVersion || demand.Status != DemandStatus.Open)
            {
                throw new StaleRunException($"Need {demand.Id} has changed since run {run.Id} (it is now {demand.Status}).");
            }
        }
        foreach (var group in chosen.GroupBy(p => p.ResourceId))
        {
            var resource = resources[group.Key];
            // Each confirmation of this run's proposals moved the version on by one; anything else means another change.
            var confirmedHere = run.Proposals.Count(p => p.ResourceId == resource.Id && p.ConfirmedAt is not null);
            if (resource.Status != ResourceStatus.Active || resource.Version != group.First().ResourceVersion + confirmedHere)
            {
                throw new StaleRunException($"Resource '{resource.Title}' has changed since run {run.Id} (status {resource.Status}, capacity {resource.CapacityPerWeek}).");
            }
            var left = resource.CapacityPerWeek - used.GetValueOrDefault(resource.Id);
            var wanted = group.Sum(p => p.Quantity);
            if (wanted > left)
            {
                throw new StaleRunException($"Resource '{resource.Title}' has {left} per week left, not the {wanted} these proposals need.");
            }
        }
    }
}
