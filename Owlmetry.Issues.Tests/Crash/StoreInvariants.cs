using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// The invariants a store must keep through any crash, checked in one read unit through the public reader API:
/// every issue's counts match its stored occurrences, every alias routes to an existing issue that lists its
/// hash, no occurrence belongs to a missing issue, and the scan's mark is not past the last event.
/// </summary>
internal static class StoreInvariants
{
    private const int PageSize = 200;

    /// <returns>One line per broken invariant; empty when the store is consistent.</returns>
    public static Task<IReadOnlyList<string>> FindViolationsAsync(IIssueStore store, Guid projectId, IReadOnlyCollection<Guid> appIds) =>
        store.ReadAsync<IReadOnlyList<string>>(async reader => await CheckAsync(reader, projectId, appIds));

    /// <summary>Every issue of a project, walked page by page as the API would.</summary>
    public static async Task<List<Issue>> AllIssuesAsync(IIssueStoreReader reader, Guid projectId)
    {
        var issues = new List<Issue>();
        KeysetKey? after = null;
        IReadOnlyList<Issue> page;
        do
        {
            page = await reader.ListIssuesAsync(new IssueListFilter([projectId]), IssueSort.LastSeen, after, PageSize);
            issues.AddRange(page);
            after = page.Count > 0 ? IssueSort.LastSeen.KeyOf(page[^1]) : after;
        }
        while (page.Count == PageSize);

        return issues;
    }

    private static async Task<List<string>> CheckAsync(IIssueStoreReader reader, Guid projectId, IReadOnlyCollection<Guid> appIds)
    {
        var violations = new List<string>();
        var issues = await AllIssuesAsync(reader, projectId);
        var byId = issues.ToDictionary(issue => issue.Id);
        if (byId.Count != issues.Count)
        {
            violations.Add($"the issue list returned {issues.Count - byId.Count} issue(s) twice");
        }

        var counted = await reader.CountOccurrencesByIssueAsync();
        var aliases = new List<KeyValuePair<FingerprintKey, Guid>>();
        foreach (var appId in appIds)
        {
            aliases.AddRange(await reader.ListFingerprintsAsync(appId));
        }

        var routedHashes = aliases.ToLookup(alias => alias.Value, alias => alias.Key.Hash);
        foreach (var issue in byId.Values)
        {
            await CheckIssueAsync(reader, issue, counted, routedHashes, violations);
        }

        foreach (var (issueId, count) in counted.Where(c => !byId.ContainsKey(c.Key)))
        {
            violations.Add($"{count} orphan occurrence(s) of issue {issueId}, which does not exist");
        }

        foreach (var (key, issueId) in aliases)
        {
            if (!byId.TryGetValue(issueId, out var issue))
            {
                violations.Add($"fingerprint {Describe(key)} points to issue {issueId}, which does not exist");
            }
            else if (!issue.Fingerprints.Contains(key.Hash))
            {
                violations.Add($"fingerprint {Describe(key)} points to issue {issueId}, which does not list it");
            }
        }

        var (checkpoint, lastSequence) = (await reader.GetScanCheckpointAsync(), await reader.GetLastEventSequenceAsync());
        if (checkpoint > lastSequence)
        {
            violations.Add($"the scan checkpoint {checkpoint} is past the last event sequence {lastSequence}");
        }

        return violations;
    }

    private static async Task CheckIssueAsync(
        IIssueStoreReader reader, Issue issue, IReadOnlyDictionary<Guid, int> counted, ILookup<Guid, string> routedHashes, List<string> violations)
    {
        var occurrences = await reader.GetAllOccurrencesAsync(issue.Id);
        var users = occurrences.Select(o => o.UserId).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        if (issue.OccurrenceCount != occurrences.Count)
        {
            violations.Add($"issue {issue.Id}: occurrence_count {issue.OccurrenceCount}, but {occurrences.Count} occurrences stored");
        }

        if (issue.UniqueUserCount != users)
        {
            violations.Add($"issue {issue.Id}: unique_user_count {issue.UniqueUserCount}, but its occurrences have {users} distinct users");
        }

        if (counted.GetValueOrDefault(issue.Id) != occurrences.Count)
        {
            violations.Add($"issue {issue.Id}: {occurrences.Count} occurrences found by its key range, {counted.GetValueOrDefault(issue.Id)} by their issue id");
        }

        if (occurrences.FirstOrDefault(o => o.IssueId != issue.Id) is { } stray)
        {
            violations.Add($"issue {issue.Id}: lists occurrence {stray.Id} of issue {stray.IssueId}");
        }

        if (occurrences.GroupBy(o => o.SessionId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            violations.Add($"issue {issue.Id}: {twice.Count()} occurrences of session {twice.Key}");
        }

        foreach (var hash in issue.Fingerprints.Except(routedHashes[issue.Id], StringComparer.Ordinal))
        {
            violations.Add($"issue {issue.Id}: lists fingerprint {Short(hash)}, but no alias of it routes to the issue");
        }

        if ((await reader.ListCommentsAsync(issue.Id)).FirstOrDefault(c => c.IssueId != issue.Id) is { } comment)
        {
            violations.Add($"issue {issue.Id}: lists comment {comment.Id} of issue {comment.IssueId}");
        }
    }

    private static string Describe(FingerprintKey key) => $"{Short(key.Hash)} ({(key.IsDev ? "dev" : "prod")}, app {key.AppId})";

    private static string Short(string hash) => hash.Length <= 12 ? hash : hash[..12] + "…";
}
