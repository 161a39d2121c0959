using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

internal sealed partial class LiteDbCollections
{
    public ILiteCollection<AttachmentUsageDocument> AttachmentUsage =>
        field ??= Database.GetCollection<AttachmentUsageDocument>(CollectionNames.AttachmentUsage);

    public ILiteCollection<EventLandingDocument> EventLandings =>
        field ??= Database.GetCollection<EventLandingDocument>(CollectionNames.EventLandings);
}
