using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>
/// The owners of the occurrence groups that merges moved (see <see cref="OccurrenceGroupDocument"/>), held in memory
/// so that the scan's per-event probes and the detail page ask no query for an issue's groups. Immutable: a write
/// unit works on its own copy, which the store keeps only once the unit committed. One entry per merge.
/// </summary>
internal sealed class OccurrenceGroupMap
{
    private readonly Dictionary<Guid, Guid> _ownerOf;
    private readonly ILookup<Guid, Guid> _absorbed;

    private OccurrenceGroupMap(Dictionary<Guid, Guid> ownerOf)
    {
        _ownerOf = ownerOf;
        _absorbed = ownerOf.Where(group => group.Key != group.Value).ToLookup(group => group.Value, group => group.Key);
    }

    public static OccurrenceGroupMap Load(ILiteCollection<OccurrenceGroupDocument> groups) =>
        new(groups.FindAll().ToDictionary(group => group.Id, group => group.IssueId));

    /// <summary>The issue's groups: its own unless a merge moved it away, then those merges moved to it.</summary>
    public IReadOnlyList<Guid> GroupsOf(Guid issueId)
    {
        var absorbed = _absorbed[issueId];
        return OwnerOf(issueId) == issueId ? [issueId, .. absorbed] : [.. absorbed];
    }

    /// <summary>The issue whose occurrences the group's are.</summary>
    public Guid OwnerOf(Guid group) => _ownerOf.GetValueOrDefault(group, group);

    /// <summary>The map once <paramref name="groups"/> belong to <paramref name="issueId"/>.</summary>
    public OccurrenceGroupMap Move(IEnumerable<Guid> groups, Guid issueId)
    {
        var ownerOf = new Dictionary<Guid, Guid>(_ownerOf);
        foreach (var group in groups)
        {
            ownerOf[group] = issueId;
        }

        return new OccurrenceGroupMap(ownerOf);
    }
}
