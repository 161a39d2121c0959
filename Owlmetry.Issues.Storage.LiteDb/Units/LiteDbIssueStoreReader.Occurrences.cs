using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The occurrence reads, over an issue's groups (see <see cref="OccurrenceGroupDocument"/>): almost always one, its
/// own, and one more for each issue merged into it, less the sessions a merge excluded from them.
/// </summary>
internal partial class LiteDbIssueStoreReader
{
    private static readonly BsonExpression s_splitFields = BsonExpression.Create(
        $"{{ {nameof(OccurrenceDocument.SessionId)}: $.{nameof(OccurrenceDocument.SessionId)}, {nameof(OccurrenceDocument.AppVersion)}: $.{nameof(OccurrenceDocument.AppVersion)}, " +
        $"{nameof(OccurrenceDocument.Environment)}: $.{nameof(OccurrenceDocument.Environment)}, {nameof(OccurrenceDocument.CountryCode)}: $.{nameof(OccurrenceDocument.CountryCode)} }}");

    private static readonly BsonExpression s_timeAndSession =
        BsonExpression.Create($"{{ {nameof(OccurrenceDocument.Timestamp)}: $.{nameof(OccurrenceDocument.Timestamp)}, {nameof(OccurrenceDocument.SessionId)}: $.{nameof(OccurrenceDocument.SessionId)} }}");

    public IReadOnlyList<IssueOccurrence> ListOccurrences(Guid issueId, KeysetKey? after, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return GroupsOf(issueId)
            .SelectMany(group => Counted(group, Pages(group, high: after is { } cursor ? OccurrenceKeys.Page(group, cursor) : null, descending: true)
                .Limit(KeyRange.WithBound(take, after) + Groups.ExcludedFrom(group).Count)
                .ToList()))
            .Select(document => document.ToOccurrence(issueId))
            .Where(occurrence => KeysetKey.Of(occurrence).IsAfter(after))
            .OrderByDescending(KeysetKey.Of)
            .Take(take)
            .ToList();
    }

    public IReadOnlyList<IssueOccurrence> GetAllOccurrences(Guid issueId) =>
        GroupsOf(issueId)
            .SelectMany(group => Counted(group, Pages(group, descending: false).ToList()))
            .Select(document => document.ToOccurrence(issueId))
            .ToList();

    /// <summary>
    /// Per issue and UTC day, its occurrences from <paramref name="since"/> on: in each of its groups, the range of the
    /// page index from that time to the newest, reading only the times and sessions of the window's occurrences.
    /// </summary>
    public IReadOnlyList<IssueDayCount> CountOccurrencesByDay(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since)
    {
        var from = new KeysetKey(since.ToUnixTimeMilliseconds(), Guid.Empty);
        var counts = new List<IssueDayCount>();
        foreach (var issueId in issueIds.Distinct())
        {
            var perDay = new Dictionary<DateOnly, int>();
            foreach (var group in GroupsOf(issueId))
            {
                var excluded = Groups.ExcludedFrom(group);
                foreach (var row in Pages(group, low: OccurrenceKeys.Page(group, from), descending: false)
                    .Select(s_timeAndSession)
                    .ToEnumerable())
                {
                    if (!excluded.Contains(row[nameof(OccurrenceDocument.SessionId)].AsGuid))
                    {
                        var day = DateOnly.FromDateTime(UnixTime.ToTime(row[nameof(OccurrenceDocument.Timestamp)].AsInt64).UtcDateTime);
                        perDay[day] = perDay.GetValueOrDefault(day) + 1;
                    }
                }
            }

            counts.AddRange(perDay.Select(day => new IssueDayCount(issueId, day.Key, day.Value)));
        }

        return counts;
    }

    /// <summary>
    /// How the issue's counted occurrences split by app version, environment and country: each group's page index read
    /// in order, only those fields of each occurrence, counted as they stream by.
    /// </summary>
    public OccurrenceSplits SplitOccurrences(Guid issueId)
    {
        var tally = new OccurrenceSplits.Tally();
        foreach (var group in GroupsOf(issueId))
        {
            var excluded = Groups.ExcludedFrom(group);
            foreach (var row in Pages(group, descending: false).Select(s_splitFields).ToEnumerable())
            {
                if (!excluded.Contains(row[nameof(OccurrenceDocument.SessionId)].AsGuid))
                {
                    tally.Add(
                        TextOrNull(row[nameof(OccurrenceDocument.AppVersion)]),
                        TextOrNull(row[nameof(OccurrenceDocument.Environment)]),
                        TextOrNull(row[nameof(OccurrenceDocument.CountryCode)]));
                }
            }
        }

        return tally.ToSplits();
    }

    public bool HasOccurrenceInSession(Guid issueId, Guid sessionId) => GroupsOf(issueId).Any(group => CountsSession(group, sessionId));

    public bool HasOccurrenceOfUser(Guid issueId, string userId) => GroupsOf(issueId).Any(group => CountsUser(group, userId));

    /// <summary>The groups whose occurrences are the issue's (see <see cref="OccurrenceGroupMap"/>).</summary>
    protected IReadOnlyList<Guid> GroupsOf(Guid issueId) => Groups.GroupsOf(issueId);

    /// <summary>The group's ledger when a write unit has it in memory; reads ask the file.</summary>
    protected virtual OccurrenceLedger? LoadedLedger(Guid group) => null;

    /// <summary>Whether the group has a counted occurrence of the session: from its ledger if loaded, else the session index.</summary>
    protected bool CountsSession(Guid group, Guid sessionId) =>
        LoadedLedger(group) is { } ledger
            ? ledger.HasSession(sessionId)
            : !Groups.ExcludedFrom(group).Contains(sessionId) && Collections.Probes.OccurrenceBySession.Exists(OccurrenceKeys.Session(group, sessionId));

    /// <summary>The group's counted occurrences, read from its user keys alone: no document is loaded.</summary>
    protected OccurrenceLedger ReadLedger(Guid group)
    {
        var excluded = Groups.ExcludedFrom(group);
        var ledger = new OccurrenceLedger();
        var (low, high) = OccurrenceKeys.UsersOf(group);
        foreach (var key in Collections.Probes.OccurrenceUsers.Keys(low, high))
        {
            var (user, session) = OccurrenceKeys.UserAndSession(key.AsBinary);
            if (!excluded.Contains(session))
            {
                ledger.Add(session, user);
            }
        }

        return ledger;
    }

    /// <summary>
    /// The earliest and latest counted occurrences of the group in time order, and on each side the nearest ones
    /// carrying an app and an SDK version: read from both ends until one of each kind was met.
    /// </summary>
    protected IEnumerable<IssueOccurrence> Edges(Guid issueId, Guid group) =>
        EdgeWalk(issueId, group, descending: false).Concat(EdgeWalk(issueId, group, descending: true));

    /// <summary>
    /// The group's occurrences in page-key (time, id) order, from <paramref name="low"/> to <paramref name="high"/>
    /// inclusive where given, else from its first to its last: one index range scan.
    /// </summary>
    private ILiteQueryable<OccurrenceDocument> Pages(Guid group, byte[]? low = null, byte[]? high = null, bool descending = false)
    {
        var whole = OccurrenceKeys.PagesOf(group);
        return KeyRange.Between(Collections.Occurrences, nameof(OccurrenceDocument.PageKey), low ?? whole.Low, high ?? whole.High, descending);
    }

    private static string? TextOrNull(BsonValue value) => value.IsNull ? null : value.AsString;

    private IEnumerable<OccurrenceDocument> Counted(Guid group, IEnumerable<OccurrenceDocument> documents)
    {
        var excluded = Groups.ExcludedFrom(group);
        return excluded.Count == 0 ? documents : documents.Where(document => !excluded.Contains(document.SessionId));
    }

    /// <summary>Whether the group has a counted occurrence of the user: from its ledger if loaded, else the user index.</summary>
    private bool CountsUser(Guid group, string userId)
    {
        if (LoadedLedger(group) is { } ledger)
        {
            return ledger.HasUser(userId);
        }

        var excluded = Groups.ExcludedFrom(group);
        var (low, high) = OccurrenceKeys.UserRange(group, userId);
        return Collections.Probes.OccurrenceUsers.Keys(low, high)
            .Any(key => excluded.Count == 0 || !excluded.Contains(OccurrenceKeys.UserAndSession(key.AsBinary).SessionId));
    }

    private List<IssueOccurrence> EdgeWalk(Guid issueId, Guid group, bool descending)
    {
        var query = Pages(group, descending: descending);
        var (appVersion, sdkVersion) = (false, false);
        var walked = new List<IssueOccurrence>();
        foreach (var document in Counted(group, query.ToEnumerable()))
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
}
