using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Versions;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// Applies planned scan parts inside one store unit of work (CONTRACT §7.2–§7.4): fingerprints are aliased,
/// issues created, occurrences recorded once per (issue, session), roll-ups folded, and the scan's status
/// changes made against the status the issue has in this very unit — so a user's change that committed first
/// is never overwritten.
/// </summary>
/// <remarks>
/// The store is asked in phases, each one bulk call for the whole batch: the aliases of every fingerprint, then the
/// issues they point to, then (once every event is placed) which of the stored issues already have the events' sessions
/// and users. Within the unit only this applier writes aliases, issues and occurrences, and it writes them at the end,
/// so the answers read up front are the ones a question asked at each event would get; the unit's own sets answer for
/// what it has placed but not written yet.
/// </remarks>
internal sealed class ScanBatchApplier
{
    private static readonly string[] s_untitledPrefixes = ["metric:", "step:", "track:"];

    private readonly IIssueStoreWriter _store;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Guid, Issue> _issues = [];
    private readonly HashSet<Guid> _changed = [];
    private readonly HashSet<Guid> _created = [];
    private readonly HashSet<(Guid IssueId, Guid SessionId)> _sessions = [];
    private readonly HashSet<(Guid IssueId, string UserId)> _users = [];

    // In the order the changes happened, so a notification lists the issues as the batch met them.
    private readonly List<Guid> _createdInOrder = [];
    private readonly List<Guid> _regressed = [];
    private readonly List<Guid> _unsnoozed = [];
    private readonly Dictionary<FingerprintKey, Guid> _aliases = [];
    private readonly Dictionary<FingerprintKey, Guid> _newAliases = [];
    private readonly List<IssueOccurrence> _newOccurrences = [];
    private IReadOnlySet<(Guid IssueId, Guid SessionId)> _storedSessions = new HashSet<(Guid IssueId, Guid SessionId)>();
    private IReadOnlySet<(Guid IssueId, string UserId)> _storedUsers = new HashSet<(Guid IssueId, string UserId)>();

    private ScanBatchApplier(IIssueStoreWriter store, DateTimeOffset now)
    {
        _store = store;
        _now = now;
    }

    public static async ValueTask<ScanBatchOutcome> ApplyAsync(IIssueStoreWriter store, IReadOnlyList<ScanPart> parts, DateTimeOffset now)
    {
        var applier = new ScanBatchApplier(store, now);
        await applier.ReadAliasesAsync(parts).ConfigureAwait(false);
        var placed = new List<(ErrorEvent Event, FingerprintKey Fingerprint, Guid IssueId)>();
        foreach (var part in parts)
        {
            applier.Place(part, placed);
        }

        await applier.ProbeAsync(placed).ConfigureAwait(false);
        foreach (var (errorEvent, _, issueId) in placed)
        {
            applier.Record(applier._issues[issueId], errorEvent);
        }

        await AttachmentLinks.OnEventsLandedAsync(store, placed).ConfigureAwait(false);
        return await applier.CommitAsync(parts).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored aliases of every fingerprint of the batch, and of the earlier events of the bursts it continues, and the
    /// issues they point to.
    /// </summary>
    private async ValueTask ReadAliasesAsync(IReadOnlyList<ScanPart> parts)
    {
        var keys = new List<FingerprintKey>();
        foreach (var part in parts)
        {
            keys.AddRange(part.Events.Select(e => Key(part, e.Fingerprint.Hash)));
            keys.AddRange(part.EarlierHashes.Select(hash => Key(part, hash)));
        }

        foreach (var (key, issueId) in await _store.FindIssueIdsByFingerprintsAsync(keys).ConfigureAwait(false))
        {
            _aliases[key] = issueId;
        }

        foreach (var (issueId, issue) in await _store.FindIssuesAsync(_aliases.Values).ConfigureAwait(false))
        {
            _issues[issueId] = issue;
        }
    }

    /// <summary>
    /// Gives each event of the part its issue, appended to <paramref name="placed"/> in order: aliases the part's new
    /// fingerprints, creating the issue when none is known. The issues of a continued burst's earlier events are known
    /// to it too, as if its events had been scanned together.
    /// </summary>
    private void Place(ScanPart part, List<(ErrorEvent Event, FingerprintKey Fingerprint, Guid IssueId)> placed)
    {
        var hashes = part.Events.Select(e => e.Fingerprint.Hash).Distinct(StringComparer.Ordinal).ToList();
        var known = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            if (_aliases.TryGetValue(Key(part, hash), out var issueId))
            {
                known[hash] = issueId;
            }
        }

        var earlier = EarlierIssues(part);
        var receiver = known.Count == 0 && earlier.Count == 0 ? Create(part, hashes)
            : Oldest(earlier.Count == 0 ? known.Values : known.Values.Concat(earlier));
        List<string>? unknownHashes = null;
        foreach (var hash in hashes)
        {
            if (known.TryAdd(hash, receiver.Id))
            {
                _aliases[Key(part, hash)] = receiver.Id;
                _newAliases[Key(part, hash)] = receiver.Id;
            }

            // A hash another issue holds stays there: only the receiver's own hashes join its fingerprints.
            if (known[hash] == receiver.Id && !receiver.Fingerprints.Contains(hash))
            {
                (unknownHashes ??= []).Add(hash);
            }
        }

        if (unknownHashes is not null)
        {
            Save(receiver with { Fingerprints = [.. receiver.Fingerprints, .. unknownHashes] });
        }

        foreach (var e in part.Events)
        {
            placed.Add((e.Event, Key(part, e.Fingerprint.Hash), known[e.Fingerprint.Hash]));
        }
    }

    /// <summary>
    /// The issues of the earlier events of the burst the part continues; none, and no list, for the many parts that
    /// continue no burst.
    /// </summary>
    private IReadOnlyList<Guid> EarlierIssues(ScanPart part)
    {
        if (part.EarlierHashes.Count == 0)
        {
            return [];
        }

        var issueIds = new List<Guid>(part.EarlierHashes.Count);
        foreach (var hash in part.EarlierHashes)
        {
            if (_aliases.TryGetValue(Key(part, hash), out var issueId))
            {
                issueIds.Add(issueId);
            }
        }

        return issueIds;
    }

    /// <summary>
    /// Which stored issues already have the sessions and users of the events placed on them; an issue created in this
    /// unit has no stored occurrences, so its events are not asked about.
    /// </summary>
    private async ValueTask ProbeAsync(IReadOnlyList<(ErrorEvent Event, FingerprintKey Fingerprint, Guid IssueId)> placed)
    {
        var stored = placed.Where(p => !_created.Contains(p.IssueId)).ToList();
        _storedSessions = await _store.FindOccurrenceSessionsAsync([.. stored.Select(p => (p.IssueId, p.Event.SessionId))]).ConfigureAwait(false);
        _storedUsers = await _store.FindOccurrenceUsersAsync([.. stored.Where(p => p.Event.UserId is not null).Select(p => (p.IssueId, p.Event.UserId!))])
            .ConfigureAwait(false);
    }

    private Issue Create(ScanPart part, IReadOnlyList<string> hashes)
    {
        var titled = part.Events.FirstOrDefault(e => !s_untitledPrefixes.Any(p => e.Event.Message.StartsWith(p, StringComparison.Ordinal)))
            ?? part.Events[0];
        var issue = new Issue
        {
            Id = TimeOrderedIds.New(_now),
            ProjectId = part.ProjectId,
            AppId = part.AppId,
            Title = titled.Fingerprint.Title,
            SourceModule = titled.Event.SourceModule,
            IsDev = part.IsDev,
            FirstSeenAt = titled.Event.Timestamp,
            LastSeenAt = titled.Event.Timestamp,
            CreatedAt = _now,
            UpdatedAt = _now,
            Fingerprints = [.. hashes],
        };
        _created.Add(issue.Id);
        _createdInOrder.Add(issue.Id);
        Save(issue);
        return issue;
    }

    /// <summary>The oldest issue (by creation, then id) receives a burst's new fingerprints.</summary>
    private Issue Oldest(IEnumerable<Guid> issueIds) => issueIds.Select(Load).MinBy(i => (i.CreatedAt, i.Id))!;

    private Issue Load(Guid issueId) =>
        _issues.TryGetValue(issueId, out var issue) ? issue : throw new InvalidOperationException($"Fingerprint points to issue {issueId}, which does not exist.");

    private void Save(Issue issue)
    {
        _issues[issue.Id] = issue;
        _changed.Add(issue.Id);
    }

    private void Record(Issue issue, ErrorEvent errorEvent)
    {
        // The unit's own sets answer for the occurrences it has placed, the probes for the stored ones.
        if (!_sessions.Add((issue.Id, errorEvent.SessionId)) || _storedSessions.Contains((issue.Id, errorEvent.SessionId)))
        {
            return;
        }

        var occurrence = new IssueOccurrence
        {
            Id = TimeOrderedIds.New(_now),
            IssueId = issue.Id,
            SessionId = errorEvent.SessionId,
            UserId = errorEvent.UserId,
            AppVersion = errorEvent.AppVersion,
            SdkName = errorEvent.SdkName,
            SdkVersion = errorEvent.SdkVersion,
            Environment = errorEvent.Environment,
            EventId = errorEvent.Id,
            CountryCode = errorEvent.CountryCode,
            Timestamp = errorEvent.Timestamp,
            CreatedAt = _now,
        };
        var isNewUser = errorEvent.UserId is { } userId && _users.Add((issue.Id, userId)) && !_storedUsers.Contains((issue.Id, userId));
        // Stored in one bulk insert at the end of the unit.
        _newOccurrences.Add(occurrence);

        var updated = IssueRollup.Add(issue, occurrence, isNewUser) with { UpdatedAt = _now };
        Save(ChangeStatus(updated, errorEvent));
    }

    private Issue ChangeStatus(Issue issue, ErrorEvent errorEvent)
    {
        if (issue.Status == IssueStatus.Resolved && AppVersionComparer.IsNewer(errorEvent.AppVersion, issue.ResolvedAtVersion)
            && IssueLifecycle.Regress(issue, _now) is { } regressed)
        {
            _regressed.Add(issue.Id);
            return regressed;
        }

        if (issue.Status == IssueStatus.Snoozed && IssueLifecycle.Wake(issue, _now) is { } woken)
        {
            _unsnoozed.Add(issue.Id);
            return woken;
        }

        return issue;
    }

    private async ValueTask<ScanBatchOutcome> CommitAsync(IReadOnlyList<ScanPart> parts)
    {
        var changed = _changed.Select(id => _issues[id]).ToList();
        await _store.InsertIssuesAsync([.. changed.Where(i => _created.Contains(i.Id))]).ConfigureAwait(false);
        await _store.UpdateIssuesAsync([.. changed.Where(i => !_created.Contains(i.Id))]).ConfigureAwait(false);
        await _store.AssignFingerprintsAsync(_newAliases).ConfigureAwait(false);
        await _store.InsertOccurrencesAsync(_newOccurrences).ConfigureAwait(false);
        return new ScanBatchOutcome(
            Tally(parts),
            [.. _createdInOrder.Select(id => _issues[id])],
            [.. _regressed.Select(id => _issues[id])],
            [.. _unsnoozed.Select(id => _issues[id])]);
    }

    private ScanTally Tally(IReadOnlyList<ScanPart> parts)
    {
        var tally = new ScanTally();
        foreach (var part in parts)
        {
            tally.CountEvents(part.ProjectId, part.Events.Count);
        }

        foreach (var id in _created)
        {
            tally.CountCreated(_issues[id].ProjectId);
        }

        foreach (var id in _regressed)
        {
            tally.CountRegressed(_issues[id].ProjectId);
        }

        foreach (var id in _unsnoozed)
        {
            tally.CountUnsnoozed(_issues[id].ProjectId);
        }

        foreach (var occurrence in _newOccurrences)
        {
            tally.CountOccurrence(_issues[occurrence.IssueId].ProjectId);
        }

        return tally;
    }

    private static FingerprintKey Key(ScanPart part, string hash) => new(hash, part.AppId, part.IsDev);
}
