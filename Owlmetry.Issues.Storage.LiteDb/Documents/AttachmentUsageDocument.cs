namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// A running total of declared attachment bytes (a project's, or one end user's in a project), kept in the same
/// unit as every attachment write so that a quota check reads one row instead of summing a project's attachments.
/// </summary>
internal sealed class AttachmentUsageDocument
{
    public string Id { get; set; } = "";

    public long Bytes { get; set; }
}
