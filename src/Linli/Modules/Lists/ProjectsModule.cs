using Linli.Infrastructure.Auth;
using Linli.Modules.Lists.Matching.ConfirmProposals;
using Linli.Modules.Lists.Matching.ProposeMatches;
using Linli.Modules.Lists.Projects.CloseOffProject;
using Linli.Modules.Lists.Projects.CreateProject;
using Linli.Modules.Lists.Projects.Milestones;
using Linli.Modules.Lists.Projects.QueryProjects;
using Linli.Modules.Lists.Projects.TakeUpProject;

namespace Linli.Modules.Lists;

/// <summary>
/// The project list (项目清单) and the matching that feeds it: runs over a community or street,
/// their proposals with explanations, confirmation into projects or direct assignments; projects
/// listed, volunteered for (揭榜), assigned (认领), worked through milestones, closed off (销号), rated.
/// </summary>
internal static class ProjectsModule
{
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapProjects(this WebApplication app)
    {
        var runs = app.MapGroup("/api/v1/matching/runs").WithTags("Matching");
        runs.MapPost("/", ProposeMatches.Start).WithName("StartMatchingRun")
            .WithSummary("Match the open needs and active resources of a community or street; stores and returns the proposals with their explanations")
            .ProducesValidationProblem().RequireAuthorization(Policies.ListsManage);
        runs.MapGet("/{id:guid}", ProposeMatches.Get).WithName("GetMatchingRun").RequireAuthorization(Policies.ListsRead);
        runs.MapPost("/{id:guid}/confirm", ConfirmProposals.Handle).WithName("ConfirmMatchProposals")
            .WithSummary("Confirm chosen proposals into one new project or as direct assignments; 409 when the run is stale or capacity is gone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.ListsManage);

        // Reading and milestones are open to region staff and to the units that take projects up;
        // who sees and does what is decided per project inside (ProjectAccess).
        var projects = app.MapGroup("/api/v1/projects").WithTags("Projects");
        projects.MapPost("/", CreateProject.Handle).WithName("CreateProject")
            .WithSummary("List a project for units to volunteer (origin volunteered) or give it to a unit now (origin assigned)")
            .ProducesValidationProblem().RequireAuthorization(Policies.ProjectsManage);
        projects.MapGet("/", QueryProjects.List).WithName("ListProjects")
            .WithSummary("Projects you may see: region, status (listed, in-progress, closed-off), origin, unit, q").RequireAuthorization(Policies.SignedIn);
        projects.MapGet("/{id:guid}", QueryProjects.Get).WithName("GetProject")
            .WithSummary("A project with its milestones, needs, allocations and history").RequireAuthorization(Policies.SignedIn);
        projects.MapPost("/{id:guid}/volunteer", TakeUpProject.Volunteer).WithName("VolunteerForProject")
            .WithSummary("A department's handler takes a listed project up for her unit (揭榜)").RequireAuthorization(Policies.ProjectsVolunteer);
        projects.MapPost("/{id:guid}/assign", TakeUpProject.Assign).WithName("AssignProject")
            .WithSummary("The street gives a listed project to a unit (认领)").RequireAuthorization(Policies.ProjectsManage);
        projects.MapPost("/{id:guid}/milestones", Milestones.Add).WithName("AddProjectMilestone").RequireAuthorization(Policies.SignedIn);
        projects.MapPost("/{id:guid}/milestones/{milestoneId:guid}/complete", Milestones.Complete).WithName("CompleteProjectMilestone")
            .RequireAuthorization(Policies.SignedIn);
        projects.MapPost("/{id:guid}/close-off", CloseOffProject.CloseOff).WithName("CloseOffProject")
            .WithSummary("Close the project off (销号) with evidence: its needs are fulfilled and closed, its allocations end")
            .RequireAuthorization(Policies.ProjectsManage);
        projects.MapPost("/{id:guid}/rate", CloseOffProject.Rate).WithName("RateProject")
            .WithSummary("The residents' rating (1–5) after the close-off, recorded by staff").RequireAuthorization(Policies.ProjectsManage);
        return app;
    }
}
