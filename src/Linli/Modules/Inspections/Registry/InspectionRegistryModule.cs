using Linli.Infrastructure.Auth;
using Linli.Modules.Inspections.Registry.Customers;
using Linli.Modules.Inspections.Registry.Plans;
using Linli.Modules.Inspections.Registry.Sheets;

namespace Linli.Modules.Inspections.Registry;

/// <summary>Inspections: the registry of users (import/export), frequency rules, due inspections.</summary>
internal static class InspectionRegistryModule
{
    public static WebApplicationBuilder AddInspectionRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditCustomers>();
        builder.Services.AddScoped<CustomerImporter>();
        builder.Services.AddSingleton<DueSweep>();
        builder.Services.AddHostedService<DueWorker>();
        builder.Services.AddHostedService<RegistryDemoData>();
        return builder;
    }

    public static WebApplication MapInspectionRegistry(this WebApplication app)
    {
        var customers = app.MapGroup("/api/v1/inspections/customers").WithTags("Inspections");
        customers.MapGet("/", ListCustomers.Handle).WithName("ListInspectionCustomers")
            .WithSummary("Users of your utility (district officers: in their districts), by number; filters type, risk, supply, region (subtree), q (name, number, credit code), dueBefore, overdue, inactive; paged with the total")
            .RequireAuthorization(Policies.InspectionsRead);
        customers.MapPost("/", EditCustomers.Create).WithName("CreateInspectionCustomer")
            .WithSummary("Register a user: credit code checked (GB 32100), location routed to its grid, contact stored encrypted; its first inspection falls due within a month")
            .RequireAuthorization(Policies.InspectionsManage);
        customers.MapGet("/template", CustomerSheetEndpoints.Template).WithName("InspectionCustomersTemplate")
            .WithSummary("The import template (.xlsx): headers \"中文 key\", an example row, instructions and the codes each column takes")
            .RequireAuthorization(Policies.InspectionsRead);
        customers.MapGet("/export", CustomerSheetEndpoints.Export).WithName("ExportInspectionCustomers")
            .WithSummary("The list as .xlsx (format=csv for CSV), the list's filters; contacts masked. Imports back unchanged (a masked contact keeps the one on record)")
            .RequireAuthorization(Policies.InspectionsRead);
        customers.MapPost("/import", CustomerSheetEndpoints.Import).WithName("ImportInspectionCustomers")
            .WithSummary("Import .xlsx or .csv (form field 'file' or the body): all or nothing; a known account number updates that user. 422 lists every bad row with row, column and reason")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CustomerSheetEndpoints.MaxUpload + 64 * 1024))
            .DisableAntiforgery().RequireAuthorization(Policies.InspectionsManage);
        customers.MapGet("/{id:guid}", CustomerDetails.Get).WithName("GetInspectionCustomer")
            .WithSummary("One user: equipment, masked contact, interval, last and next due, open inspections and hazards, inspections and history")
            .RequireAuthorization(Policies.InspectionsRead);
        customers.MapPut("/{id:guid}", EditCustomers.Update).WithName("UpdateInspectionCustomer")
            .WithSummary("Correct a user (the number stays); a masked contact keeps the one on record").RequireAuthorization(Policies.InspectionsManage);
        customers.MapPost("/{id:guid}/deactivate", EditCustomers.Deactivate).WithName("DeactivateInspectionCustomer")
            .WithSummary("Take a user off supply: kept with its history, no longer planned, open inspections cancelled").RequireAuthorization(Policies.InspectionsManage);
        customers.MapPost("/{id:guid}/activate", EditCustomers.Activate).WithName("ActivateInspectionCustomer")
            .WithSummary("Put a user back on supply and on the due list").RequireAuthorization(Policies.InspectionsManage);
        customers.MapPost("/{id:guid}/contact", CustomerDetails.Reveal).WithName("RevealInspectionCustomerContact")
            .WithSummary("The full contact name and phone, for the utility's own staff; every reveal is written to the audit trail")
            .RequireAuthorization(Policies.InspectionsRead);

        var rules = app.MapGroup("/api/v1/inspections/frequency-rules").WithTags("Inspections");
        rules.MapGet("/", FrequencyRulesEndpoints.Get).WithName("GetInspectionFrequencyRules")
            .WithSummary("A utility's frequency rules, most specific first (type beats risk class beats region; a deeper region wins a tie)")
            .RequireAuthorization(Policies.InspectionsRead);
        rules.MapPut("/", FrequencyRulesEndpoints.Put).WithName("ReplaceInspectionFrequencyRules")
            .WithSummary("Replace the utility's rules (1–60 months, known codes, no duplicates); every user's next due date is recomputed")
            .RequireAuthorization(Policies.InspectionsManage);
        return app;
    }
}
