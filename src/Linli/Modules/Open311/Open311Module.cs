using Linli.Infrastructure.Auth;
using Linli.Modules.Open311.Format;
using Linli.Modules.Open311.ManageKeys;

namespace Linli.Modules.Open311;

/// <summary>
/// Open311 GeoReport v2 over Cases (rule 12): civic-reporting clients (FixMyStreet and others)
/// list services, post requests and follow them in the specification's own formats, while the
/// cases behind them are ordinary Linli cases.
/// </summary>
internal static class Open311Module
{
    public static WebApplicationBuilder AddOpen311(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Open311Settings>();
        builder.Services.AddSingleton<Open311KeyStore>();
        return builder;
    }

    public static WebApplication MapOpen311(this WebApplication app)
    {
        // Public at the ASP.NET level: the api_key is checked inside, as the specification has it.
        var open311 = app.MapGroup("/open311/v2").WithTags("Open311").AddEndpointFilter<Open311Filter>()
            .RequireAuthorization(Policies.Public).DisableAntiforgery();
        open311.MapGet("/discovery.{format}", Discover.Discover.Handle).WithName("Open311Discovery");
        open311.MapGet("/services.{format}", ListServices.ListServices.List).WithName("Open311Services");
        open311.MapGet("/services/{service_code}.{format}", ListServices.ListServices.Definition).WithName("Open311ServiceDefinition");
        open311.MapPost("/requests.{format}", PostRequest.PostRequest.Handle).WithName("Open311PostRequest")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(100L << 20));
        open311.MapGet("/requests.{format}", GetRequests.GetRequests.List).WithName("Open311Requests");
        open311.MapGet("/requests/{service_request_id}.{format}", GetRequests.GetRequests.Get).WithName("Open311Request");
        open311.MapGet("/tokens/{token}.{format}", GetRequests.GetRequests.Token).WithName("Open311Token");
        open311.MapGet("/servicerequestupdates.{format}", ListUpdates.ListUpdates.Handle).WithName("Open311ServiceRequestUpdates")
            .WithSummary("FixMyStreet's extension: one update per step of a case's history, with extended statuses");
        open311.MapPost("/servicerequestupdates.{format}", PostUpdate.PostUpdate.Handle).WithName("Open311PostServiceRequestUpdate")
            .WithSummary("FixMyStreet's extension: a client's update, recorded as a public note on the case (idempotent on the key and update_id)");
        // Anything else under the prefix is the specification's 404, not the framework's empty one.
        open311.MapMethods("/{**path}", ["GET", "POST"], () => Open311Document.Errors(StatusCodes.Status404NotFound, "No such Open311 resource."))
            .WithName("Open311NotFound").ExcludeFromDescription();

        var keys = app.MapGroup("/api/v1/open311/keys").WithTags("Open311").RequireAuthorization(Policies.ConfigManage);
        keys.MapPost("/", ManageKeys.ManageKeys.Create).WithName("CreateOpen311Key")
            .WithSummary("A key for an Open311 client (the secret is in this answer only), optionally limited to jurisdictions and categories, with its own rate");
        keys.MapGet("/", ManageKeys.ManageKeys.List).WithName("ListOpen311Keys");
        keys.MapDelete("/{id:guid}", ManageKeys.ManageKeys.Revoke).WithName("RevokeOpen311Key");

        var attributes = app.MapGroup("/api/v1/open311/services/{code}/attributes").WithTags("Open311").RequireAuthorization(Policies.ConfigManage);
        attributes.MapPut("/", ServiceAttributes.ServiceAttributes.Put).WithName("PutOpen311ServiceAttributes")
            .WithSummary("Replace the attributes (questions) of a service as a whole: the specification's service definition");
        attributes.MapGet("/", ServiceAttributes.ServiceAttributes.Get).WithName("GetOpen311ServiceAttributes");
        return app;
    }
}
