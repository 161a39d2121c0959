using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds an <see cref="IssueComment"/> by a user, written at <see cref="TestTimes.Base"/>.</summary>
internal sealed class CommentBuilder
{
    private IssueComment _comment;

    public CommentBuilder(Guid issueId)
    {
        _comment = new IssueComment
        {
            Id = Guid.NewGuid(),
            IssueId = issueId,
            Author = new CommentAuthor(AuthorType.User, Guid.NewGuid(), "Ada Lovelace"),
            Body = "Reproduced on iOS 17.2; looks like a race in the payment sheet.",
            CreatedAt = TestTimes.Base,
            UpdatedAt = TestTimes.Base,
        };
    }

    public CommentBuilder WithId(Guid id) => With(_comment with { Id = id });

    public CommentBuilder WithBody(string body) => With(_comment with { Body = body });

    public CommentBuilder ByAgent(string name) => With(_comment with { Author = new CommentAuthor(AuthorType.Agent, Guid.NewGuid(), name) });

    public CommentBuilder CreatedAt(DateTimeOffset time) => With(_comment with { CreatedAt = time, UpdatedAt = time });

    public CommentBuilder EditedAt(DateTimeOffset time) => With(_comment with { UpdatedAt = time });

    public CommentBuilder DeletedAt(DateTimeOffset time) => With(_comment with { DeletedAt = time });

    public IssueComment Build() => _comment;

    private CommentBuilder With(IssueComment comment)
    {
        _comment = comment;
        return this;
    }
}
