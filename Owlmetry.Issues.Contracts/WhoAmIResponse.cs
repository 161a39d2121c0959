using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>
/// The reference's whoami: <c>type</c> <c>user</c> with <c>email</c> and <c>teams</c>, or <c>api_key</c> with
/// <c>key_type</c>, <c>team</c> and <c>permissions</c>; beyond it, the caller's id and name and a key's app. Members
/// of the other kind are left out rather than written as null.
/// </summary>
/// <param name="Type"><c>user</c> or <c>api_key</c>.</param>
/// <param name="Id">The user's or the key's id.</param>
/// <param name="Name">The user's or the key's name.</param>
/// <param name="Email">A user's email.</param>
/// <param name="Teams">A user's teams and roles.</param>
/// <param name="KeyType">A key's kind.</param>
/// <param name="Team">A key's team.</param>
/// <param name="App">A client key's app.</param>
/// <param name="Permissions">A key's permissions.</param>
public sealed record WhoAmIResponse(
    string Type,
    Guid Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<UserTeamResponse>? Teams,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KeyType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TeamSummaryResponse? Team,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppResponse? App,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Permissions)
{
    /// <summary>The <c>type</c> of a user.</summary>
    public const string UserType = "user";

    /// <summary>The <c>type</c> of an API key.</summary>
    public const string ApiKeyType = "api_key";
}
