namespace Owlmetry.Issues.Access;

/// <summary>A member's role in a team, ordered so that <c>Owner &gt; Admin &gt; Member</c>.</summary>
public enum TeamRole
{
    /// <summary>May read, change status, merge and comment.</summary>
    Member,

    /// <summary>Also deletes others' comments and manages the team's resources.</summary>
    Admin,

    /// <summary>Everything an admin may do; the team's creator.</summary>
    Owner,
}
