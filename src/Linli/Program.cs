using Linli.Components;
using Linli.Infrastructure;
using Linli.Infrastructure.Auth;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access;
using Linli.Modules.Access.Audit;
using Linli.Modules.Cases;
using Linli.Modules.Couriers;
using Linli.Modules.Geography;
using Linli.Modules.Geography.DemoCity;
using Linli.Modules.Inspections;
using Linli.Modules.Insights;
using Linli.Modules.Lists;
using Linli.Modules.Open311;
using Linli.Modules.People;
using Linli.Modules.Traffic;

// Command-line tools share the code of the app but not its host.
if (GenerateCommand.Matches(args))
{
    return GenerateCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:5080");

builder.AddPersistence();
builder.AddRateLimits();
builder.AddWebPlumbing();

// Modules, in dependency order.
builder.AddAccess();
builder.AddGeography();
builder.AddCases();
builder.AddPeople();
builder.AddLists();
builder.AddCouriers();
builder.AddInspections();
builder.AddTraffic();
builder.AddInsights();
builder.AddOpen311();

var app = builder.Build();

await PersistenceSetup.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);

if (AuditCommand.Matches(args))
{
    return await AuditCommand.RunAsync(args, app.Services, Console.Out);
}

app.UseWebPlumbing();

app.MapAccess();
app.MapGeography();
app.MapCases();
app.MapPeople();
app.MapLists();
app.MapCouriers();
app.MapInspections();
app.MapTraffic();
app.MapInsights();
app.MapOpen311();

app.MapRazorComponents<App>()
    // Pages name their policy with [Authorize]; framework endpoints get the public one explicitly.
    .Add(endpoint =>
    {
        if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Public));
        }
    });

await app.RunAsync();
return 0;

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
