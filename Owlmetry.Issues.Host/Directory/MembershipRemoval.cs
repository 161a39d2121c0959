namespace Owlmetry.Issues.Host.Directory;

/// <summary>What <see cref="IDirectoryStore.RemoveMembershipAsync"/> did.</summary>
public enum MembershipRemoval
{
    Removed,
    NotFound,

    /// <summary>The membership is the team's only owner's, and it stays: a team always keeps an owner.</summary>
    LastOwner,
}
