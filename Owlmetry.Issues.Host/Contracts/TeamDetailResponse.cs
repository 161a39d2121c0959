namespace Owlmetry.Issues.Host.Contracts;

public sealed record TeamDetailResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt, IReadOnlyList<MemberResponse> Members);
