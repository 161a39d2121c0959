namespace Owlmetry.Issues.Storage.LiteDb;

internal static class CollectionNames
{
    public const string Meta = "_meta";
    public const string Issues = "issues";
    public const string Fingerprints = "fingerprints";
    public const string Occurrences = "occurrences";
    public const string Comments = "comments";
    public const string Attachments = "attachments";
    public const string Audit = "audit";
}
