using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The stored shape of an <see cref="IssueComment"/>; <see cref="ListKey"/> orders an issue's comments by creation.</summary>
internal sealed class CommentDocument
{
    public Guid Id { get; set; }

    public Guid IssueId { get; set; }

    public string AuthorType { get; set; } = "";

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? DeletedAt { get; set; }

    public string ListKey { get; set; } = "";

    public static CommentDocument From(IssueComment comment) => new()
    {
        Id = comment.Id,
        IssueId = comment.IssueId,
        AuthorType = comment.Author.Type.ToString(),
        AuthorId = comment.Author.Id,
        AuthorName = comment.Author.Name,
        Body = comment.Body,
        CreatedAt = UnixTime.From(comment.CreatedAt),
        UpdatedAt = UnixTime.From(comment.UpdatedAt),
        DeletedAt = UnixTime.From(comment.DeletedAt),
        ListKey = StorageKeys.IssueRow(comment.IssueId, new KeysetKey(UnixTime.From(comment.CreatedAt), comment.Id)),
    };

    public IssueComment ToComment() => new()
    {
        Id = Id,
        IssueId = IssueId,
        Author = new CommentAuthor(StoredEnum.Parse<AuthorType>(AuthorType, Id), AuthorId, AuthorName),
        Body = Body,
        CreatedAt = UnixTime.ToTime(CreatedAt),
        UpdatedAt = UnixTime.ToTime(UpdatedAt),
        DeletedAt = UnixTime.ToTime(DeletedAt),
    };
}
