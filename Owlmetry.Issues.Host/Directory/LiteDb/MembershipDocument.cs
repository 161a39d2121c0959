using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory.LiteDb;

/// <summary>Keyed by (team, user): a user has one role per team.</summary>
internal sealed class MembershipDocument
{
    public string Id { get; set; } = "";

    public Guid TeamId { get; set; }

    public Guid UserId { get; set; }

    public string Role { get; set; } = "";

    public long CreatedAt { get; set; }

    public static string KeyOf(Guid teamId, Guid userId) => $"{teamId:N}|{userId:N}";

    public static MembershipDocument From(Membership m) => new()
    {
        Id = KeyOf(m.TeamId, m.UserId), TeamId = m.TeamId, UserId = m.UserId, Role = m.Role.ToString(), CreatedAt = m.CreatedAt.ToUnixTimeMilliseconds(),
    };

    public Membership ToMembership() =>
        new(TeamId, UserId, Enum.Parse<TeamRole>(Role), DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
