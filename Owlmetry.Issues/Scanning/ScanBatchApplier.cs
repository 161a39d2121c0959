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
    private readonly Dictionary<FingerprintKey, Guid?> _aliases = [];
    private readonly List<IssueOccurrence> _newOccurrences = [];
    private int _occurrences;

    private ScanBatchApplier(IIssueStoreWriter store, DateTimeOffset now)
    {
        _store = store;
        _now = now;
    }

    public static async ValueTask<ScanBatchOutcome> ApplyAsync(IIssueStoreWriter store, IReadOnlyList<ScanPart> parts, DateTimeOffset now)
    {
        var applier = new ScanBatchApplier(store, now);
        foreach (var part in parts)
        {
            await applier.ApplyPartAsync(part).ConfigureAwait(false);
        }

        return await applier.CommitAsync(parts.Sum(p => p.Events.Count)).ConfigureAwait(false);
    }

    private async ValueTask ApplyPartAsync(ScanPart part)
    {
        var hashes = part.Events.Select(e => e.Fingerprint.Hash).Distinct(StringComparer.Ordinal).ToList();
        var known = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            if (await FindAliasAsync(Key(part, hash)).ConfigureAwait(false) is { } issueId)
            {
                known[hash] = issueId;
            }
        }

        var receiver = known.Count == 0 ? Create(part, hashes) : await OldestAsync(known.Values.Distinct()).ConfigureAwait(false);
        foreach (var hash in hashes.Where(h => !known.ContainsKey(h)))
        {
            await _store.AssignFingerprintAsync(Key(part, hash), receiver.Id).ConfigureAwait(false);
            _aliases[Key(part, hash)] = receiver.Id;
            known[hash] = receiver.Id;
        }

        var unknownHashes = hashes.Except(receiver.Fingerprints, StringComparer.Ordinal).Where(h => known[h] == receiver.Id).ToList();
        if (unknownHashes.Count > 0)
        {
            Save(receiver with { Fingerprints = [.. receiver.Fingerprints, .. unknownHashes] });
        }

        foreach (var fingerprinted in part.Events)
        {
            var issueId = known[fingerprinted.Fingerprint.Hash];
            await RecordAsync(await LoadAsync(issueId).ConfigureAwait(false), fingerprinted.Event).ConfigureAwait(false);
            await AttachmentLinks.OnEventLandedAsync(_store, fingerprinted.Event, Key(part, fingerprinted.Fingerprint.Hash), issueId, _now).ConfigureAwait(false);
        }
    }

    private Issue Create(ScanPart part, IReadOnlyList<string> hashes)
    {
        var titled = part.Events.FirstOrDefault(e => !s_untitledPrefixes.Any(p => e.Event.Message.StartsWith(p, StringComparison.Ordinal)))
            ?? part.Events[0];
        var issue = new Issue
        {
            Id = Guid.CreateVersion7(_now),
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
    private async ValueTask<Issue> OldestAsync(IEnumerable<Guid> issueIds)
    {
        var issues = new List<Issue>();
        foreach (var issueId in issueIds)
        {
            issues.Add(await LoadAsync(issueId).ConfigureAwait(false));
        }

        return issues.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).First();
    }

    /// <summary>
    /// The issue a fingerprint is aliased to, asked of the store once per unit: within the unit only this applier
    /// writes aliases, and it records each one here too.
    /// </summary>
    private async ValueTask<Guid?> FindAliasAsync(FingerprintKey key)
    {
        if (!_aliases.TryGetValue(key, out var issueId))
        {
            issueId = await _store.FindIssueIdByFingerprintAsync(key).ConfigureAwait(false);
            _aliases[key] = issueId;
        }

        return issueId;
    }

    private async ValueTask<Issue> LoadAsync(Guid issueId)
    {
        if (_issues.TryGetValue(issueId, out var issue))
        {
            return issue;
        }

        issue = await _store.FindIssueAsync(issueId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Fingerprint points to issue {issueId}, which does not exist.");
        _issues[issueId] = issue;
        return issue;
    }

    private void Save(Issue issue)
    {
        _issues[issue.Id] = issue;
        _changed.Add(issue.Id);
    }

    private async ValueTask RecordAsync(Issue issue, ErrorEvent errorEvent)
    {
        // An issue created in this unit has no stored occurrences: the unit's own sets are all there is to ask.
        var isNew = _created.Contains(issue.Id);
        if (!_sessions.Add((issue.Id, errorEvent.SessionId)) || (!isNew && await _store.HasOccurrenceInSessionAsync(issue.Id, errorEvent.SessionId).ConfigureAwait(false)))
        {
            return;
        }

        var occurrence = new IssueOccurrence
        {
            Id = Guid.CreateVersion7(_now),
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
        var isNewUser = errorEvent.UserId is { } userId && _users.Add((issue.Id, userId)) && (isNew || !await _store.HasOccurrenceOfUserAsync(issue.Id, userId).ConfigureAwait(false));
        // Stored in one bulk insert at the end of the unit: the unit's own session and user sets already answer for
        // the occurrences it has not written yet.
        _newOccurrences.Add(occurrence);
        _occurrences++;

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

    private async ValueTask<ScanBatchOutcome> CommitAsync(int eventsProcessed)
    {
        foreach (var issue in _changed.Select(id => _issues[id]))
        {
            if (_created.Contains(issue.Id))
            {
                await _store.InsertIssueAsync(issue).ConfigureAwait(false);
            }
            else
            {
                await _store.UpdateIssueAsync(issue).ConfigureAwait(false);
            }
        }

        await _store.InsertOccurrencesAsync(_newOccurrences).ConfigureAwait(false);
        return new ScanBatchOutcome(
            new IssueScanResult(eventsProcessed, _created.Count, _regressed.Count, _unsnoozed.Count, _occurrences),
            [.. _createdInOrder.Select(id => _issues[id])],
            [.. _regressed.Select(id => _issues[id])],
            [.. _unsnoozed.Select(id => _issues[id])]);
    }

    private static FingerprintKey Key(ScanPart part, string hash) => new(hash, part.AppId, part.IsDev);
}
