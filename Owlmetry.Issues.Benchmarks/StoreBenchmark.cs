using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The store (LiteDB, or PostgreSQL with <c>--postgresql</c>) at 100,000 issues and 1,000,000 occurrences: first page and full cursor walk of the issue
/// list (through the issue service, as the API calls it), merges of two 10,000-occurrence issues, and the
/// occurrence insert rate in scan-sized units of work.
/// </summary>
internal sealed class StoreBenchmark(Report report, double scale, BenchStorage storage)
{
    private const int OccurrencesPerUnit = 5_000;
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _largeIssues = (int)(100_000 * scale);
    private readonly int _smallIssues = (int)(10_000 * scale);
    private readonly int _mergeSize = (int)(10_000 * scale);
    private readonly Guid _team = Guid.NewGuid();

    public async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        try
        {
            var services = new ServiceCollection();
            storage.Use(services.AddOwlmetryIssues(), Path.Combine(folder.FullName, "bench.db"));
            await using var provider = services.BuildServiceProvider();
            var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
            var store = provider.GetRequiredService<IIssueStore>();
            var issues = provider.GetRequiredService<IIssueService>();
            var owner = Actor.User(Guid.NewGuid(), "bench", new Dictionary<Guid, TeamRole> { [_team] = TeamRole.Owner });

            var large = AddProject(directory, "large");
            var small = AddProject(directory, "small");
            report.Section($"{storage.Name} store ({_largeIssues:N0} + {_smallIssues:N0} issues, {_largeIssues * 10:N0} occurrences)");

            var seeding = Stopwatch.StartNew();
            await SeedAsync(store, large, _largeIssues, occurrencesEach: 10);
            await SeedAsync(store, small, _smallIssues, occurrencesEach: 1);
            report.Row("seed issues with occurrences", $"{_largeIssues + _smallIssues:N0} issues", Stats.Rate(_largeIssues * 10L + _smallIssues, seeding.Elapsed, "occurrences"));

            await InsertRateAsync(store, large);
            await FirstPageAsync(issues, owner, large.ProjectId, _largeIssues);
            await WalkAsync(issues, owner, small.ProjectId, _smallIssues);
            await WalkAsync(issues, owner, large.ProjectId, _largeIssues);
            await MergeAsync(store, issues, owner, large, _mergeSize, _mergeSize);
        }
        finally
        {
            folder.Delete(recursive: true);
            await storage.DropSchemasAsync();
        }
    }

    /// <summary>Only the merge, on an otherwise empty store: for looking into the merge without seeding a million rows.</summary>
    public async Task RunMergeOnlyAsync()
    {
        await OnEmptyStoreAsync("merge", async (store, issues, owner, app) =>
        {
            report.Section($"{storage.Name} store, merge only (empty store)");
            await MergeAsync(store, issues, owner, app, _mergeSize, _mergeSize);
            await MergeAsync(store, issues, owner, app, 10 * _mergeSize, _mergeSize, rounds: 3);
        });
        await MergeAfterReopeningAsync(_mergeSize, _mergeSize);
        await MergeAfterReopeningAsync(10 * _mergeSize, _mergeSize, rounds: 3);
    }

    /// <summary>
    /// Merges of issues seeded before the store was reopened: the first merge that touches an issue after a restart
    /// reads its occurrence ledger from the file.
    /// </summary>
    private async Task MergeAfterReopeningAsync(int sourceSize, int targetSize, int rounds = 5)
    {
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "bench.db");
            var app = NewApp("merge after reopening");
            IReadOnlyList<MergePair> pairs = [];
            await OnStoreFileAsync(file, app, async (store, _, _) => pairs = await SeedMergePairsAsync(store, app, sourceSize, targetSize, rounds));
            await OnStoreFileAsync(file, app, async (_, issues, owner) =>
                report.Row("merge two issues after reopening the store (10% of the smaller one's sessions shared)", $"{sourceSize:N0} (source) + {targetSize:N0} (target) occurrences",
                    await TimeMergesAsync(issues, owner, app, pairs)));
        }
        finally
        {
            folder.Delete(recursive: true);
            await storage.DropSchemasAsync();
        }
    }

    /// <summary>
    /// Status changes and comments one at a time through the issue service on a durable file: the library's and the
    /// store's share of what <c>PATCH …/issues/:id</c> and <c>POST …/comments</c> cost, without HTTP.
    /// </summary>
    public Task RunSingleWritesAsync() => OnEmptyStoreAsync("writes", async (store, issues, owner, app) =>
    {
        var issue = await SeedMergeIssueAsync(store, app, [], size: 100);
        report.Section($"{storage.Name} store, single writes through the issue service (durable, one issue of 100 occurrences)");

        await TimeEachAsync("status change (resolve at a version, then reopen)", async call => Succeeded(await issues.ChangeStatusAsync(
            owner, app.ProjectId, issue.Id, call % 2 == 0 ? IssueStatus.Resolved : IssueStatus.New, call % 2 == 0 ? "2.0.0" : null)));
        await TimeEachAsync("comment", async call => Succeeded(await issues.AddCommentAsync(owner, app.ProjectId, issue.Id, $"comment {call}")));

        // Where a single write's time goes: the store's units on their own.
        await TimeEachAsync("store unit: nothing written", _ => store.WriteAsync(_ => ValueTask.FromResult(true)));
        await TimeEachAsync("store unit: read one issue", _ => store.ReadAsync(r => r.FindIssueAsync(issue.Id)));
        await TimeEachAsync("store unit: rewrite one issue", _ => store.WriteAsync(async w =>
        {
            await w.UpdateIssueAsync((await w.FindIssueAsync(issue.Id))!);
            return true;
        }));
        await TimeEachAsync("store unit: append one audit record", _ => store.WriteAsync(async w =>
        {
            await w.AppendAuditAsync(new AuditRecord
            {
                Id = Guid.NewGuid(), ProjectId = app.ProjectId, IssueId = issue.Id, ActorKind = owner.Kind, ActorId = owner.Id, ActorName = owner.Name,
                Action = AuditActions.StatusChanged, FromStatus = IssueStatus.New, ToStatus = IssueStatus.New, CreatedAt = s_t0,
            });
            return true;
        }));
    });

    /// <summary>Runs <paramref name="run"/> on a fresh store (a file in a temporary folder, or its schema), with one project and app.</summary>
    private async Task OnEmptyStoreAsync(string name, Func<IIssueStore, IIssueService, Actor, AppInfo, Task> run)
    {
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        try
        {
            var app = NewApp(name);
            await OnStoreFileAsync(Path.Combine(folder.FullName, "bench.db"), app, (store, issues, owner) => run(store, issues, owner, app));
        }
        finally
        {
            folder.Delete(recursive: true);
            await storage.DropSchemasAsync();
        }
    }

    /// <summary>Opens the store of <paramref name="file"/> in a new service provider whose directory knows <paramref name="app"/>.</summary>
    private async Task OnStoreFileAsync(string file, AppInfo app, Func<IIssueStore, IIssueService, Actor, Task> run)
    {
        var services = new ServiceCollection();
        storage.Use(services.AddOwlmetryIssues(), file);
        await using var provider = services.BuildServiceProvider();
        var owner = Actor.User(Guid.NewGuid(), "bench", new Dictionary<Guid, TeamRole> { [_team] = TeamRole.Owner });
        var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
        directory.AddProject(new ProjectInfo(app.ProjectId, _team, app.Name));
        directory.AddApp(app);
        await run(provider.GetRequiredService<IIssueStore>(), provider.GetRequiredService<IIssueService>(), owner);
    }

    private static void Succeeded<T>(IssueResult<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The call gave {result.Error}");
        }
    }

    private async Task TimeEachAsync(string what, Func<int, Task> call)
    {
        const int WarmUp = 40;
        const int Calls = 400;
        var samples = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < WarmUp + Calls; i++)
        {
            var cpuBefore = Stats.Cpu();
            var clock = Stopwatch.StartNew();
            await call(i);
            if (i >= WarmUp)
            {
                samples.Add(clock.Elapsed);
                cpu += Stats.Cpu() - cpuBefore;
            }
        }

        report.Row(what, $"{Calls:N0} calls after {WarmUp} warm-up",
            string.Create(CultureInfo.InvariantCulture, $"{Stats.Percentiles(samples)}; CPU {cpu.TotalMicroseconds / Calls:0} µs per call"));
    }

    private AppInfo AddProject(InMemoryIssueDirectory directory, string name)
    {
        var app = NewApp(name);
        directory.AddProject(new ProjectInfo(app.ProjectId, _team, name));
        return directory.AddApp(app);
    }

    private static AppInfo NewApp(string name) => new(Guid.NewGuid(), Guid.NewGuid(), $"{name} app");

    private static async Task SeedAsync(IIssueStore store, AppInfo app, int count, int occurrencesEach)
    {
        var perUnit = Math.Max(1, OccurrencesPerUnit / occurrencesEach);
        for (var start = 0; start < count; start += perUnit)
        {
            var end = Math.Min(count, start + perUnit);
            await store.WriteAsync(async writer =>
            {
                for (var i = start; i < end; i++)
                {
                    var issue = NewIssue(app, i, occurrencesEach);
                    await writer.InsertIssueAsync(issue);
                    await writer.AssignFingerprintAsync(new FingerprintKey(issue.Fingerprints[0], app.Id, false), issue.Id);
                    for (var o = 0; o < occurrencesEach; o++)
                    {
                        await writer.InsertOccurrenceAsync(NewOccurrence(issue.Id, issue.LastSeenAt.AddSeconds(-o), $"user-{(i + o) % 5000}"));
                    }
                }

                return true;
            });
        }
    }

    private async Task InsertRateAsync(IIssueStore store, AppInfo app)
    {
        var issueIds = await store.ReadAsync(async r => (await r.ListIssuesAsync(new IssueListFilter([app.ProjectId]), IssueSort.LastSeen, null, 100)).Select(i => i.Id).ToList());
        const int units = 20;
        var cpu = Stats.Cpu();
        var elapsed = await Stats.TimeAsync(async () =>
        {
            for (var unit = 0; unit < units; unit++)
            {
                var occurrences = Enumerable.Range(0, OccurrencesPerUnit)
                    .Select(i => NewOccurrence(issueIds[i % issueIds.Count], s_t0.AddMinutes(i), $"user-{i % 5000}"))
                    .ToList();
                await store.WriteAsync(async writer =>
                {
                    await writer.InsertOccurrencesAsync(occurrences);
                    return true;
                });
            }
        });
        report.Row($"occurrence inserts, {OccurrencesPerUnit:N0} per unit of work", $"{units * OccurrencesPerUnit:N0} into a store of {_largeIssues * 10:N0}", Stats.Rate(units * OccurrencesPerUnit, elapsed, Stats.Cpu() - cpu, "occurrences"));
    }

    private async Task FirstPageAsync(IIssueService issues, Actor owner, Guid projectId, int size)
    {
        foreach (var sort in Enum.GetValues<IssueSort>())
        {
            var samples = new List<TimeSpan>();
            for (var i = 0; i < 220; i++)
            {
                var elapsed = await Stats.TimeAsync(() => issues.ListAsync(owner, projectId, new IssueQuery { Sort = sort }));
                if (i >= 20)
                {
                    samples.Add(elapsed);
                }
            }

            report.Row($"first page (50), sort={sort.ToWireName()}", $"{size:N0} issues", Stats.Percentiles(samples));
        }
    }

    private async Task WalkAsync(IIssueService issues, Actor owner, Guid projectId, int size)
    {
        var pages = 0;
        string? cursor = null;
        var clock = Stopwatch.StartNew();
        do
        {
            var page = (await issues.ListAsync(owner, projectId, new IssueQuery { Cursor = cursor, Limit = 50 })).Value;
            cursor = page.Cursor;
            pages++;
        }
        while (cursor is not null);

        report.Row("full cursor walk, 50 per page", $"{size:N0} issues",
            string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds / pages:0.00} ms per page ({pages:N0} pages, {clock.Elapsed.TotalSeconds:0.0} s)"));
    }

    private async Task MergeAsync(IIssueStore store, IIssueService issues, Actor owner, AppInfo app, int sourceSize, int targetSize, int rounds = 5)
    {
        var pairs = await SeedMergePairsAsync(store, app, sourceSize, targetSize, rounds);
        report.Row("merge two issues (10% of the smaller one's sessions shared)", $"{sourceSize:N0} (source) + {targetSize:N0} (target) occurrences",
            await TimeMergesAsync(issues, owner, app, pairs));
    }

    /// <summary>Pairs of issues to merge, the smaller one's first tenth of sessions shared with the other.</summary>
    private async Task<IReadOnlyList<MergePair>> SeedMergePairsAsync(IIssueStore store, AppInfo app, int sourceSize, int targetSize, int rounds)
    {
        var pairs = new List<MergePair>();
        for (var round = 0; round < rounds; round++)
        {
            var shared = Enumerable.Range(0, Math.Min(sourceSize, targetSize) / 10).Select(_ => Guid.NewGuid()).ToList();
            pairs.Add(new MergePair(await SeedMergeIssueAsync(store, app, shared, targetSize), await SeedMergeIssueAsync(store, app, shared, sourceSize), shared.Count));
        }

        return pairs;
    }

    /// <summary>Merges each pair through the issue service; the percentiles of their wall-clock times and the CPU time per merge.</summary>
    private static async Task<string> TimeMergesAsync(IIssueService issues, Actor owner, AppInfo app, IReadOnlyList<MergePair> pairs)
    {
        var samples = new List<TimeSpan>();
        var cpu = TimeSpan.Zero;
        foreach (var (target, source, shared) in pairs)
        {
            var cpuBefore = Stats.Cpu();
            var clock = Stopwatch.StartNew();
            var merged = await issues.MergeAsync(owner, app.ProjectId, target.Id, source.Id);
            samples.Add(clock.Elapsed);
            cpu += Stats.Cpu() - cpuBefore;
            if (!merged.IsSuccess || merged.Value.Issue.OccurrenceCount != source.OccurrenceCount + target.OccurrenceCount - shared)
            {
                throw new InvalidOperationException($"Merge gave {merged}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Stats.Percentiles(samples)}; CPU {cpu.TotalMilliseconds / pairs.Count:0} ms per merge");
    }

    private async Task<Issue> SeedMergeIssueAsync(IIssueStore store, AppInfo app, IReadOnlyList<Guid> sharedSessions, int size)
    {
        var issue = NewIssue(app, Random.Shared.Next(), 0);
        var occurrences = Enumerable.Range(0, size)
            .Select(i => NewOccurrence(issue.Id, s_t0.AddSeconds(i), $"user-{i % 5000}") with
            {
                SessionId = i < sharedSessions.Count ? sharedSessions[i] : Guid.NewGuid(),
            })
            .ToList();
        return await store.SeedIssueAsync(issue, occurrences);
    }

    private static Issue NewIssue(AppInfo app, int n, int occurrences)
    {
        var seen = s_t0.AddSeconds(n % 86_400 * 7);
        return new Issue
        {
            Id = Guid.NewGuid(),
            ProjectId = app.ProjectId,
            AppId = app.Id,
            Title = $"Failure {n}",
            OccurrenceCount = occurrences,
            UniqueUserCount = Math.Min(occurrences, 3),
            FirstSeenAt = seen.AddSeconds(-occurrences),
            LastSeenAt = seen,
            CreatedAt = seen,
            UpdatedAt = seen.AddSeconds(n % 13),
            Fingerprints = [Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")],
        };
    }

    private static IssueOccurrence NewOccurrence(Guid issueId, DateTimeOffset at, string userId) => new()
    {
        Id = Guid.NewGuid(),
        IssueId = issueId,
        SessionId = Guid.NewGuid(),
        UserId = userId,
        AppVersion = "1.2.3",
        SdkVersion = "0.4.0",
        EventId = Guid.NewGuid(),
        Timestamp = at,
        CreatedAt = at,
    };
}
