using Npgsql;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>comments</c> row of an <see cref="IssueComment"/>, its author flattened.</summary>
internal static class CommentRows
{
    public const string Columns = "issue_id, id, author_type, author_id, author_name, body, created_at, updated_at, deleted_at";

    public static NpgsqlParameter[] Values(IssueComment comment) =>
    [
        Param.Id(comment.IssueId), Param.Id(comment.Id), Param.Name(comment.Author.Type), Param.Id(comment.Author.Id),
        Param.Text(comment.Author.Name), Param.Text(comment.Body), Param.Time(comment.CreatedAt), Param.Time(comment.UpdatedAt),
        Param.Time(comment.DeletedAt),
    ];

    public static IssueComment Read(NpgsqlDataReader row) => new()
    {
        IssueId = row.GetGuid(0),
        Id = row.GetGuid(1),
        Author = new CommentAuthor(row.Name<AuthorType>(2), row.GetGuid(3), row.GetString(4)),
        Body = row.GetString(5),
        CreatedAt = row.Time(6),
        UpdatedAt = row.Time(7),
        DeletedAt = row.NullableTime(8),
    };
}
