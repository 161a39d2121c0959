namespace Owlmetry.Issues.Domain;

/// <summary>The author of a comment: a user, or an agent acting through an API key.</summary>
/// <param name="Type">Whether a user or an agent wrote it.</param>
/// <param name="Id">The user id, or the API key id for agents.</param>
/// <param name="Name">The user's name, or the API key's name.</param>
public readonly record struct CommentAuthor(AuthorType Type, Guid Id, string Name);

/// <summary>The kind of comment author. Wire names are <c>user</c> and <c>agent</c>.</summary>
public enum AuthorType
{
    /// <summary>A person signed in with a user token.</summary>
    User,

    /// <summary>An agent using an API key.</summary>
    Agent,
}
