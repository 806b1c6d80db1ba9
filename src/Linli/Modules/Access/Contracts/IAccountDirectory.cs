namespace Linli.Modules.Access.Contracts;

/// <summary>A person signing themselves up for a public role (a rider registering for the courier pass).</summary>
public sealed record PublicAccountRequest(string Username, string Password, string Role, string DisplayName, string Phone, string? IdNumber);

/// <summary>Which account a person means, for modules that record something for someone (volunteer hours, a party member's link).</summary>
public interface IAccountDirectory
{
    /// <summary>The id of the account with this id or user name; null when there is none.</summary>
    Task<string?> ResolveAsync(string idOrUserName, CancellationToken ct = default);

    /// <summary>The user names of these account ids (ids with no account are left out), to show who a record names.</summary>
    Task<IReadOnlyDictionary<string, string>> UserNamesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>
    /// Creates an account holding one public role (<see cref="Roles.Courier"/> or <see cref="Roles.Resident"/>)
    /// everywhere and returns its id. A taken user name is a 409; a weak password a 400 on "password".
    /// </summary>
    Task<string> CreatePublicAccountAsync(PublicAccountRequest request, CancellationToken ct = default);

    /// <summary>Removes an account created by <see cref="CreatePublicAccountAsync"/> when the step after it failed.</summary>
    Task DeletePublicAccountAsync(string userId, CancellationToken ct = default);
}
