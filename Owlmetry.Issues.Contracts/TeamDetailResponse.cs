namespace Owlmetry.Issues.Contracts;

/// <summary>A team with its members.</summary>
/// <param name="Id">The team's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Members">Its members.</param>
public sealed record TeamDetailResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt, IReadOnlyList<MemberResponse> Members);
