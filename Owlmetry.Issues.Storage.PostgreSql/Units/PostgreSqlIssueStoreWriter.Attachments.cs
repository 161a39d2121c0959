namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
    public async ValueTask DeleteAttachmentAsync(Guid attachmentId) =>
        await Unit.ExecuteAsync("DELETE FROM attachments WHERE id = $1", Param.Id(attachmentId)).ConfigureAwait(false);
}
