namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class CollectionNames
{
    public const string AttachmentUsage = "attachment_usage";
}
