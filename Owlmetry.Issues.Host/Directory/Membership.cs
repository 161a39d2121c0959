using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory;

public sealed record Membership(Guid TeamId, Guid UserId, TeamRole Role, DateTimeOffset CreatedAt);
