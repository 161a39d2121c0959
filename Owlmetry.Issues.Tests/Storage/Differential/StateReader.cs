using System.Globalization;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Reads a side's whole observable state through <see cref="IIssueService"/> only: each project's list in every
/// sort, and in every status filter, walked through all its pages; each issue's detail with all its occurrence
/// pages and its comments; and what the issues merged away answer. Checks the invariants that hold on any
/// provider on the way.
/// </summary>
internal sealed class StateReader
{
    // Small pages, so that a handful of issues or occurrences already spans several pages and the cursors are exercised.
    private const int PageSize = 3;
    private const int OccurrencePageSize = 2;

    // A list whose cursors never end would otherwise hang the test; the duplicate check then reports it.
    private const int MaxPages = 1_000;

    private readonly ProviderSide _side;
    private readonly List<StateField> _fields = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<Guid, IReadOnlyList<Guid>> _liveIssues = [];
    private readonly Dictionary<Guid, Guid> _commentIssues = [];

    private StateReader(ProviderSide side) => _side = side;

    private static Actor Observer => DifferentialTenancy.Observer;

    public static async Task<StateView> ReadAsync(ProviderSide side)
    {
        var reader = new StateReader(side);
        foreach (var project in DifferentialTenancy.Projects)
        {
            await reader.ReadProjectAsync(project);
        }

        await reader.ReadMergedAwayAsync();
        return new StateView(reader._fields, reader._violations, reader._liveIssues, reader._commentIssues);
    }

    private async Task ReadProjectAsync(ProjectInfo project)
    {
        var everyIssue = (await WalkAsync(project, IssueSort.LastSeen, status: null)).Items.Select(i => i.Issue).ToList();
        var keyed = KeyUniquely(everyIssue);
        _liveIssues[project.Id] = [.. keyed.Select(k => k.Issue.Id)];
        var keys = keyed.ToDictionary(k => k.Issue.Id, k => k.Key);

        foreach (var sort in Enum.GetValues<IssueSort>())
        {
            await ReadListAsync(project, sort, status: null, keys, everyIssue);
        }

        foreach (var status in Enum.GetValues<IssueStatus>())
        {
            // One sort per status keeps the reads per step bounded; over the statuses every sort is filtered once.
            await ReadListAsync(project, (IssueSort)((int)status % Enum.GetValues<IssueSort>().Length), status, keys, everyIssue);
        }

        foreach (var (key, issue) in keyed)
        {
            await ReadIssueAsync(project, key, issue);
        }
    }

    private async Task ReadListAsync(ProjectInfo project, IssueSort sort, IssueStatus? status, Dictionary<Guid, string> keys, List<Issue> everyIssue)
    {
        var path = $"list[{project.Name}, {sort.ToWireName()}{(status is { } s ? $", {s.ToWireName()}" : "")}]";
        var walk = await WalkAsync(project, sort, status);
        var issues = walk.Items.Select(i => i.Issue).ToList();
        Add($"{path}.page_sizes", string.Join(",", walk.PageSizes));

        // Issues that tie on the sort value are ordered by their random ids, which differ between the sides: only
        // the groups of equal value, in order, are comparable.
        var group = 0;
        foreach (var (value, tie) in TieGroups(issues, sort))
        {
            Add($"{path}.group[{group++}]", $"{StateText.SortValue(sort, value)}: {string.Join(" | ", tie.Select(i => keys.GetValueOrDefault(i.Id, "?")).Order(StringComparer.Ordinal))}");
        }

        if (issues.Select(i => i.Id).Distinct().Count() != issues.Count)
        {
            Violate($"{path} lists an issue twice");
        }

        var expected = everyIssue.Where(i => status is null || i.Status == status).Select(i => i.Id).ToHashSet();
        if (!expected.SetEquals(issues.Select(i => i.Id)))
        {
            Violate($"{path} holds other issues than the unfiltered list in that status");
        }

        if (issues.Zip(issues.Skip(1)).Any(pair => sort.KeyOf(pair.First) <= sort.KeyOf(pair.Second)))
        {
            Violate($"{path} is not in descending ({sort.ToWireName()}, id) order");
        }
    }

    private async Task ReadIssueAsync(ProjectInfo project, string key, Issue listed)
    {
        var path = $"issue[{key}]";
        var first = await _side.Service.GetAsync(Observer, project.Id, listed.Id, new OccurrencePageRequest(Limit: OccurrencePageSize));
        if (!first.IsSuccess)
        {
            Violate($"{path} is listed but its detail fails: {StateText.Error(first.Error)}");
            return;
        }

        var detail = first.Value;
        var occurrences = new List<IssueOccurrence>(detail.Occurrences);
        var pageSizes = new List<int> { detail.Occurrences.Count };
        var cursor = detail.OccurrenceCursor;
        while (cursor is not null && pageSizes.Count < MaxPages)
        {
            var page = (await _side.Service.GetAsync(Observer, project.Id, listed.Id, new OccurrencePageRequest(cursor, OccurrencePageSize))).Value;
            occurrences.AddRange(page.Occurrences);
            pageSizes.Add(page.Occurrences.Count);
            cursor = page.OccurrenceCursor;
        }

        var issue = detail.Item.Issue;
        Add($"{path}.app_name", StateText.Text(detail.Item.AppName));
        foreach (var (name, value) in IssueFields.Of(issue))
        {
            Add($"{path}.{name}", value);
        }

        Add($"{path}.occurrence_page_sizes", string.Join(",", pageSizes));
        for (var i = 0; i < occurrences.Count; i++)
        {
            Add($"{path}.occurrences[{i}]", Describe(occurrences[i]));
        }

        for (var i = 0; i < detail.Comments.Count; i++)
        {
            Add($"{path}.comments[{i}]", Describe(detail.Comments[i]));
            _commentIssues[detail.Comments[i].Id] = issue.Id;
        }

        Add($"{path}.attachments", detail.Attachments.Count.ToString(CultureInfo.InvariantCulture));
        if (!IssueFields.Of(issue).SequenceEqual(IssueFields.Of(listed)))
        {
            Violate($"{path}: the detail and the list show different fields");
        }

        CheckOccurrences(path, issue, occurrences);
        await CheckCommentListAsync(path, project, issue, detail.Comments);
    }

    /// <summary>
    /// What the product defines an issue's roll-ups to be: <see cref="IssueRollup.Recompute"/> over all its
    /// occurrences. The scan folds occurrences in one at a time with <see cref="IssueRollup.Add"/>, where a
    /// version-less occurrence never displaces a known version: first and last versions are exact only when every
    /// occurrence carries one, so only then are they checked.
    /// </summary>
    private void CheckOccurrences(string path, Issue issue, List<IssueOccurrence> occurrences)
    {
        if (occurrences.Any(o => o.IssueId != issue.Id))
        {
            Violate($"{path} lists an occurrence of another issue");
        }

        if (occurrences.GroupBy(o => o.SessionId).FirstOrDefault(g => g.Count() > 1) is { } session)
        {
            Violate($"{path} has {session.Count()} occurrences in session {EventPool.SessionLabel(session.Key)}");
        }

        if (occurrences.Zip(occurrences.Skip(1)).Any(pair => KeysetKey.Of(pair.First) <= KeysetKey.Of(pair.Second)))
        {
            Violate($"{path}: occurrences are not newest first");
        }

        var recomputed = IssueRollup.Recompute(issue, occurrences);
        var rollups = new List<string> { "occurrence_count", "unique_user_count", "first_seen_at", "last_seen_at" };
        if (occurrences.All(o => !string.IsNullOrWhiteSpace(o.AppVersion)))
        {
            rollups.AddRange(["first_seen_app_version", "last_seen_app_version"]);
        }

        if (occurrences.All(o => !string.IsNullOrWhiteSpace(o.SdkVersion)))
        {
            rollups.AddRange(["first_seen_sdk_version", "last_seen_sdk_version"]);
        }

        var expected = IssueFields.Of(recomputed).Where(f => rollups.Contains(f.Name));
        foreach (var (stored, wanted) in IssueFields.Of(issue).Where(f => rollups.Contains(f.Name)).Zip(expected))
        {
            if (stored.Value != wanted.Value)
            {
                Violate($"{path}.{stored.Name} is {stored.Value} but its {occurrences.Count} listed occurrences give {wanted.Value}");
            }
        }
    }

    private async Task CheckCommentListAsync(string path, ProjectInfo project, Issue issue, IReadOnlyList<IssueComment> inDetail)
    {
        var listed = await _side.Service.ListCommentsAsync(Observer, project.Id, issue.Id);
        if (!listed.IsSuccess || !listed.Value.Select(Describe).SequenceEqual(inDetail.Select(Describe)))
        {
            Violate($"{path}: the comment list differs from the detail's comments");
        }
    }

    private async Task ReadMergedAwayAsync()
    {
        for (var i = 0; i < _side.MergedAway.Count; i++)
        {
            var answers = new List<string>();
            foreach (var project in DifferentialTenancy.Projects)
            {
                var detail = await _side.Service.GetAsync(Observer, project.Id, _side.MergedAway[i], new OccurrencePageRequest());
                answers.Add(detail.IsSuccess ? $"still there as {IssueKey.Of(detail.Value.Item.Issue)}" : StateText.Error(detail.Error));
            }

            Add($"merged_away[{i}].detail", string.Join(" | ", answers));
        }
    }

    private async Task<IssueWalk> WalkAsync(ProjectInfo project, IssueSort sort, IssueStatus? status)
    {
        var items = new List<IssueListItem>();
        var pageSizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = (await _side.Service.ListAsync(Observer, project.Id, new IssueQuery { Sort = sort, Status = status, Cursor = cursor, Limit = PageSize })).Value;
            items.AddRange(page.Issues);
            pageSizes.Add(page.Issues.Count);
            cursor = page.Cursor;
        }
        while (cursor is not null && pageSizes.Count < MaxPages);

        return new IssueWalk(items, pageSizes);
    }

    private static List<(long Value, List<Issue> Issues)> TieGroups(List<Issue> issues, IssueSort sort)
    {
        var groups = new List<(long Value, List<Issue> Issues)>();
        foreach (var issue in issues)
        {
            var value = sort.ValueOf(issue);
            if (groups.Count == 0 || groups[^1].Value != value)
            {
                groups.Add((value, []));
            }

            groups[^1].Issues.Add(issue);
        }

        return groups;
    }

    /// <summary>Keys the issues; should two ever share a key, their first-seen times (unique per event here) tell them apart.</summary>
    private static List<(string Key, Issue Issue)> KeyUniquely(IEnumerable<Issue> issues) =>
    [
        .. issues
            .GroupBy(IssueKey.Of)
            .SelectMany(g => g.Count() == 1
                ? g.Select(i => (g.Key, i))
                : g.Select(i => ($"{g.Key} @{StateText.Time(i.FirstSeenAt)}", i)))
            .OrderBy(k => k.Item1, StringComparer.Ordinal),
    ];

    private string Describe(IssueOccurrence o) =>
        $"session {EventPool.SessionLabel(o.SessionId)}, user {StateText.Text(o.UserId)}, app {StateText.Text(o.AppVersion)}, "
        + $"sdk {StateText.Text(o.SdkName)} {StateText.Text(o.SdkVersion)}, env {StateText.Text(o.Environment)}, "
        + $"country {StateText.Text(o.CountryCode)}, at {StateText.Time(o.Timestamp)}, recorded {StateText.Time(o.CreatedAt)}";

    private string Describe(IssueComment c) =>
        $"{_side.CommentLabel(c.Id)} by {c.Author.Name} ({c.Author.Type}): {StateText.Text(c.Body)}, "
        + $"created {StateText.Time(c.CreatedAt)}, updated {StateText.Time(c.UpdatedAt)}, deleted {StateText.Time(c.DeletedAt)}";

    private void Add(string path, string value) => _fields.Add(new StateField(path, value));

    private void Violate(string violation) => _violations.Add($"{_side.Name}: {violation}");
}
