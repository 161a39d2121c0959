namespace Owlmetry.Issues.Host.Directory;

public sealed record TeamMember(User User, Membership Membership);
