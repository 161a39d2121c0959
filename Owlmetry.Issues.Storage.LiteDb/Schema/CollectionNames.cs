namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class CollectionNames
{
    public const string Meta = "_meta";
    public const string Issues = "issues";
    public const string Fingerprints = "fingerprints";
    /// <summary>Occurrences under binary keys, (group, session) the <c>_id</c>: since migration 10 (file version 11).</summary>
    public const string Occurrences = "occurrence_rows";
    public const string OccurrenceGroups = "occurrence_groups";
    public const string Comments = "comments";
    public const string Attachments = "attachments";
    public const string Audit = "audit";
    public const string Events = "events";
    public const string ClientEvents = "client_events";
    public const string ScanState = "scan_state";
    public const string ScanRuns = "scan_runs";
    public const string Notifications = "notifications";
    public const string DigestState = "digest_state";
}
