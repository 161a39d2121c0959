namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// What <see cref="IDirectoryStore.RemoveMembershipAsync"/> or <see cref="IDirectoryStore.ChangeMembershipRoleAsync"/> did.
/// </summary>
public enum MembershipChange
{
    Applied,
    NotFound,

    /// <summary>The membership is the team's only owner's, and it stays an owner's: a team always keeps an owner.</summary>
    LastOwner,
}
