using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Schema;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

internal sealed partial class LiteDbCollections
{
    public ILiteCollection<AttachmentUsageDocument> AttachmentUsage =>
        field ??= Database.GetCollection<AttachmentUsageDocument>(CollectionNames.AttachmentUsage);
}
