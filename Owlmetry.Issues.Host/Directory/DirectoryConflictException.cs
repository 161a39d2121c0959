namespace Owlmetry.Issues.Host.Directory;

/// <summary>A directory write that would duplicate a unique value (an email, a team slug).</summary>
public sealed class DirectoryConflictException(string message) : Exception(message)
{
    /// <summary>The refusal of a membership that already exists.</summary>
    public const string AlreadyMember = "User is already a member of this team";
}
