using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Host.Contracts;

/// <summary>
/// The reference's whoami: <c>type</c> <c>user</c> with <c>email</c> and <c>teams</c>, or <c>api_key</c> with
/// <c>key_type</c>, <c>team</c> and <c>permissions</c>; beyond it, the caller's id and name and a key's app. Members
/// of the other kind are left out rather than written as null.
/// </summary>
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
    public const string UserType = "user";
    public const string ApiKeyType = "api_key";
}
