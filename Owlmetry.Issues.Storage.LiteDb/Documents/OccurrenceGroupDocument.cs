namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// Where a group of occurrences belongs once a merge moved it. Occurrences are keyed by the issue that recorded
/// them, their group, and never rewritten: a merge re-points the source's groups to the target with one row each,
/// and leaves the source's occurrences of sessions the target already had in place, excluded here.
/// An issue owns its own group unless a row says otherwise, and every group a row names.
/// </summary>
internal sealed class OccurrenceGroupDocument
{
    /// <summary>The group: the id of the issue that recorded its occurrences.</summary>
    public Guid Id { get; set; }

    /// <summary>The issue the group belongs to now.</summary>
    public Guid IssueId { get; set; }

    /// <summary>
    /// Sessions whose occurrence in this group no longer counts: a merge found the issue it joined already had one.
    /// Deleting them instead would cost a merge three index updates per duplicate.
    /// </summary>
    public List<Guid> ExcludedSessions { get; set; } = [];
}
