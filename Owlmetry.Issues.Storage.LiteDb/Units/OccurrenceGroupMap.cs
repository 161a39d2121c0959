using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The owners of the occurrence groups that merges moved, and the sessions each merge excluded from them (see
/// <see cref="OccurrenceGroupDocument"/>), held in memory so that the scan's per-event probes and the detail page
/// ask no query for an issue's groups. Immutable: a write unit works on its own copy, which the store keeps only
/// once the unit committed. One entry per merged group.
/// </summary>
internal sealed class OccurrenceGroupMap
{
    private static readonly IReadOnlySet<Guid> s_none = new HashSet<Guid>();

    private readonly Dictionary<Guid, OccurrenceGroupDocument> _moved;
    private readonly ILookup<Guid, Guid> _absorbed;
    private readonly Dictionary<Guid, HashSet<Guid>> _excluded;

    private OccurrenceGroupMap(Dictionary<Guid, OccurrenceGroupDocument> moved)
    {
        _moved = moved;
        _absorbed = moved.Values.Where(group => group.Id != group.IssueId).ToLookup(group => group.IssueId, group => group.Id);
        _excluded = moved.Values.Where(group => group.ExcludedSessions.Count > 0).ToDictionary(group => group.Id, group => group.ExcludedSessions.ToHashSet());
    }

    public static OccurrenceGroupMap Load(ILiteCollection<OccurrenceGroupDocument> groups) =>
        new(groups.FindAll().ToDictionary(group => group.Id));

    /// <summary>The issue's groups: its own unless a merge moved it away, then those merges moved to it.</summary>
    public IReadOnlyList<Guid> GroupsOf(Guid issueId)
    {
        var absorbed = _absorbed[issueId];
        return OwnerOf(issueId) == issueId ? [issueId, .. absorbed] : [.. absorbed];
    }

    /// <summary>The issue whose occurrences the group's are.</summary>
    public Guid OwnerOf(Guid group) => _moved.TryGetValue(group, out var moved) ? moved.IssueId : group;

    /// <summary>The sessions whose occurrence in <paramref name="group"/> a merge excluded.</summary>
    public IReadOnlySet<Guid> ExcludedFrom(Guid group) => _excluded.GetValueOrDefault(group) ?? s_none;

    /// <summary>
    /// The rows that move <paramref name="groups"/> to <paramref name="issueId"/>, each excluding the sessions
    /// <paramref name="excluded"/> names for it besides those excluded before.
    /// </summary>
    public IReadOnlyList<OccurrenceGroupDocument> Moving(IEnumerable<Guid> groups, Guid issueId, IReadOnlyDictionary<Guid, List<Guid>> excluded) =>
        groups.Select(group => new OccurrenceGroupDocument
        {
            Id = group,
            IssueId = issueId,
            ExcludedSessions = [.. Previously(group), .. excluded.GetValueOrDefault(group) ?? []],
        }).ToList();

    /// <summary>The map once <paramref name="rows"/> are stored.</summary>
    public OccurrenceGroupMap With(IEnumerable<OccurrenceGroupDocument> rows)
    {
        var moved = new Dictionary<Guid, OccurrenceGroupDocument>(_moved);
        foreach (var row in rows)
        {
            moved[row.Id] = row;
        }

        return new OccurrenceGroupMap(moved);
    }

    private IEnumerable<Guid> Previously(Guid group) => _moved.TryGetValue(group, out var moved) ? moved.ExcludedSessions : [];
}
