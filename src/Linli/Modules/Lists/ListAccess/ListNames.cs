using Linli.Infrastructure.Errors;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.ListAccess;

/// <summary>The statuses as the API writes them (kebab-case words, never enum numbers).</summary>
public static class ListNames
{
    public static string Of(DemandStatus status) => status switch
    {
        DemandStatus.Open => "open",
        DemandStatus.Matched => "matched",
        DemandStatus.InProject => "in-project",
        DemandStatus.Fulfilled => "fulfilled",
        DemandStatus.Closed => "closed",
        _ => status.ToString(),
    };

    public static string Of(ResourceStatus status) => status switch
    {
        ResourceStatus.Active => "active",
        ResourceStatus.Paused => "paused",
        ResourceStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    public static IReadOnlyList<string> DemandStatuses { get; } = [.. Enum.GetValues<DemandStatus>().Select(Of)];

    public static IReadOnlyList<string> ResourceStatuses { get; } = [.. Enum.GetValues<ResourceStatus>().Select(Of)];

    public static DemandStatus ParseDemandStatus(string text, string field = "status") =>
        Enum.GetValues<DemandStatus>().Where(s => Of(s) == text).Select(s => (DemandStatus?)s).FirstOrDefault()
            ?? throw new RequestValidationException(field, $"'{text}' is not one of {string.Join(", ", DemandStatuses)}");

    public static ResourceStatus ParseResourceStatus(string text, string field = "status") =>
        Enum.GetValues<ResourceStatus>().Where(s => Of(s) == text).Select(s => (ResourceStatus?)s).FirstOrDefault()
            ?? throw new RequestValidationException(field, $"'{text}' is not one of {string.Join(", ", ResourceStatuses)}");
}
