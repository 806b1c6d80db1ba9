using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects;

/// <summary>Saving a project change: two people acting on the same project at once get a clear 409, not a 500.</summary>
internal static class ProjectSaves
{
    public static async Task SaveAsync(LinliDb db, string number, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", $"Project {number} or one of its needs was changed by someone else at the same moment; reload it and try again.");
        }
    }

    public static string Required(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new RequestValidationException(field, "is required");
        if (value.Trim().Length > max) throw new RequestValidationException(field, $"at most {max} characters");
        return value.Trim();
    }
}
