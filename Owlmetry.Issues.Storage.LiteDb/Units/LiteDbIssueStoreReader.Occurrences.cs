using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>
/// The occurrence reads, over an issue's groups (see <see cref="OccurrenceGroupDocument"/>): almost always one, its
/// own, and one more for each issue merged into it.
/// </summary>
internal partial class LiteDbIssueStoreReader
{
    private static readonly BsonExpression s_sessionKey = BsonExpression.Create($"$.{nameof(OccurrenceDocument.SessionKey)}");
    private static readonly BsonExpression s_userKey = BsonExpression.Create($"$.{nameof(OccurrenceDocument.UserKey)}");

    public IReadOnlyList<IssueOccurrence> ListOccurrences(Guid issueId, KeysetKey? after, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return GroupsOf(issueId)
            .SelectMany(group => KeyRange.Scan(
                Collections.Occurrences,
                nameof(OccurrenceDocument.PageKey),
                StorageKeys.Issue(group),
                after is { } cursor ? StorageKeys.IssueRow(group, cursor) : null,
                descending: true,
                KeyRange.WithBound(take, after)))
            .Select(document => document.ToOccurrence(issueId))
            .Where(occurrence => KeysetKey.Of(occurrence).IsAfter(after))
            .OrderByDescending(KeysetKey.Of)
            .Take(take)
            .ToList();
    }

    public IReadOnlyList<IssueOccurrence> GetAllOccurrences(Guid issueId) =>
        GroupsOf(issueId)
            .SelectMany(group => KeyRange.Scan(Collections.Occurrences, nameof(OccurrenceDocument.PageKey), StorageKeys.Issue(group), bound: null, descending: false, limit: null))
            .Select(document => document.ToOccurrence(issueId))
            .ToList();

    public bool HasOccurrenceInSession(Guid issueId, Guid sessionId) =>
        GroupsOf(issueId).Any(group => Collections.Probes.OccurrenceBySession.Exists(StorageKeys.Session(group, sessionId)));

    public bool HasOccurrenceOfUser(Guid issueId, string userId) =>
        GroupsOf(issueId).Any(group => Collections.Probes.OccurrenceByUser.Exists(StorageKeys.User(group, userId)));

    /// <summary>The groups whose occurrences are the issue's (see <see cref="OccurrenceGroupMap"/>).</summary>
    protected IReadOnlyList<Guid> GroupsOf(Guid issueId) => Groups.GroupsOf(issueId);

    /// <summary>The sessions of one group, read from the session index alone.</summary>
    protected IEnumerable<Guid> SessionsOf(Guid group) =>
        IndexKeys(nameof(OccurrenceDocument.SessionKey), s_sessionKey, group)
            .Select(key => Guid.ParseExact(key.AsSpan(key.Length - 32), "N"));

    /// <summary>
    /// The summary of an issue's occurrences: counted and their users told apart from the user index alone, the
    /// edges read from both ends of each group's time order until an occurrence with each kind of version was met.
    /// </summary>
    protected OccurrenceSummary Summarize(Guid issueId)
    {
        var count = 0;
        var users = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<IssueOccurrence>();
        foreach (var group in GroupsOf(issueId))
        {
            var namedUser = StorageKeys.User(group, userId: "");
            foreach (var key in IndexKeys(nameof(OccurrenceDocument.UserKey), s_userKey, group))
            {
                count++;
                if (key.StartsWith(namedUser, StringComparison.Ordinal))
                {
                    users.Add(key[namedUser.Length..]);
                }
            }

            edges.AddRange(EdgeWalk(issueId, group, descending: false));
            edges.AddRange(EdgeWalk(issueId, group, descending: true));
        }

        return new OccurrenceSummary(count, users.Count, edges);
    }

    private IEnumerable<IssueOccurrence> EdgeWalk(Guid issueId, Guid group, bool descending)
    {
        var query = KeyRange.Build(Collections.Occurrences, nameof(OccurrenceDocument.PageKey), StorageKeys.Issue(group), bound: null, descending);
        var (appVersion, sdkVersion) = (false, false);
        var walked = new List<IssueOccurrence>();
        foreach (var document in query.ToEnumerable())
        {
            walked.Add(document.ToOccurrence(issueId));
            appVersion |= OccurrenceSummary.CarriesVersion(document.AppVersion);
            sdkVersion |= OccurrenceSummary.CarriesVersion(document.SdkVersion);
            if (appVersion && sdkVersion)
            {
                break;
            }
        }

        return walked;
    }

    private List<string> IndexKeys(string keyField, BsonExpression key, Guid group)
    {
        var prefix = StorageKeys.Issue(group);
        return Collections.Occurrences.Query()
            .Where(BsonExpression.Create($"$.{keyField} BETWEEN @0 AND @1", prefix, prefix + StorageKeys.RangeEnd))
            .Select(key)
            .ToEnumerable()
            .Select(row => row[keyField].AsString)
            .ToList();
    }
}
