namespace Linli.Modules.Access.Contracts;

/// <summary>Which account a person means, for modules that record something for someone (volunteer hours, a party member's link).</summary>
public interface IAccountDirectory
{
    /// <summary>The id of the account with this id or user name; null when there is none.</summary>
    Task<string?> ResolveAsync(string idOrUserName, CancellationToken ct = default);
}
