namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class IndexNames
{
    public const string AttachmentsProject = "ix_attachments_project";
    public const string AttachmentsClientEvent = "ix_attachments_client_event";
    public const string AttachmentsEvent = "ix_attachments_event";
    public const string AttachmentsDeleted = "ix_attachments_deleted";
    public const string AttachmentsPending = "ix_attachments_pending";
}
