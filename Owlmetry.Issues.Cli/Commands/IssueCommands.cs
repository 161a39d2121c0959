using System.CommandLine;
using System.Globalization;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli.Commands;

internal static class IssueCommands
{
    public static Command Create(CliApp app)
    {
        var issues = CliApp.Command("issues", "List, read and triage issues.", "owlmetry issues list --status new --sort occurrences");
        issues.Subcommands.Add(List(app));
        issues.Subcommands.Add(Show(app));
        issues.Subcommands.Add(Resolve(app));
        issues.Subcommands.Add(StatusChange(app, "snooze", "snoozed", "Snooze an issue until it happens again."));
        issues.Subcommands.Add(StatusChange(app, "silence", "silenced", "Silence an issue: it stays quiet even when it happens again."));
        issues.Subcommands.Add(StatusChange(app, "reopen", "new", "Reopen a resolved, silenced or snoozed issue."));
        issues.Subcommands.Add(StatusChange(app, "start", "in_progress", "Mark an issue as being worked on."));
        issues.Subcommands.Add(Merge(app));
        issues.Subcommands.Add(Claim(app));
        issues.Subcommands.Add(Release(app));
        return issues;
    }

    public static Argument<Guid> IssueArgument() => new("issue") { Description = "The issue id" };

    private static Command List(CliApp app)
    {
        var status = new Option<string?>("--status") { Description = "new, in_progress, resolved, silenced, regressed or snoozed" }.Suggesting(CompletionValues.Statuses);
        var appId = AppFilter();
        var dev = new Option<bool?>("--dev") { Description = "Only development (true) or production (false) issues" };
        var dataMode = DataModeFilter();
        var claim = new Option<string?>("--claim") { Description = "mine (your live claims), held (anyone's) or none (unclaimed or lapsed)" }.Suggesting(CompletionValues.Claims);
        var sort = new Option<string?>("--sort") { Description = "last_seen (default), last_activity, first_seen, occurrences or users" }.Suggesting(CompletionValues.Sorts);
        var limit = new Option<int>("--limit") { Description = "At most this many issues", DefaultValueFactory = _ => 50 };
        var command = CliApp.Command(
            "list",
            "List a project's issues (the profile's project, or --project); with --team and no --project, the issues of every project of the team.",
            "owlmetry issues list --status regressed --sort last_activity --json",
            app.ProjectOption, app.TeamOption, status, appId, dev, dataMode, claim, sort, limit);

        app.OnRun(command, async run =>
        {
            var count = run.Value(limit);
            if (count < 1)
            {
                throw new UsageException("--limit must be at least 1.");
            }

            var pageSize = Math.Min(count, 200);
            var team = run.Parse.GetValue(app.TeamOption);
            var project = run.Parse.GetValue(app.ProjectOption) ?? (team is null ? run.Profile.ProjectId : null);
            var filter = new IssueListQuery
            {
                Status = run.Value(status), AppId = run.Value(appId), IsDev = run.Value(dev), DataMode = run.Value(dataMode), Claim = run.Value(claim),
                Sort = run.Value(sort), PageSize = pageSize,
            };
            var listed = project is { } p
                ? run.Client.ListIssuesAsync(p, filter, run.Ct)
                : run.Client.ListTeamIssuesAsync(
                    new TeamIssueListQuery
                    {
                        TeamId = team, Status = filter.Status, AppId = filter.AppId, IsDev = filter.IsDev, DataMode = filter.DataMode, Claim = filter.Claim,
                        Sort = filter.Sort, PageSize = pageSize,
                    },
                    run.Ct);
            var page = await listed.Take(count).ToListAsync(run.Ct);
            run.Output.Table(
                page,
                ("id", i => i.Id.ToString()),
                ("status", i => i.Status),
                ("events", i => i.OccurrenceCount.ToString(CultureInfo.InvariantCulture)),
                ("users", i => i.UniqueUserCount.ToString(CultureInfo.InvariantCulture)),
                ("last seen", i => Time(i.LastSeenAt)),
                ("claimed by", i => i.Claim?.HolderName),
                ("title", i => i.Title));
        });
        return command;
    }

    private static Command Show(CliApp app)
    {
        var issue = IssueArgument();
        var command = CliApp.Command("show", "Show an issue with its latest occurrences, comments and attachments.", "owlmetry issues show 5d1e…", issue, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var detail = await run.Client.GetIssueAsync(run.Project(app.ProjectOption), run.Value(issue), ct: run.Ct);
            run.Output.Show(detail, w => WriteDetail(w, detail));
        });
        return command;
    }

    private static Command Resolve(CliApp app)
    {
        var issue = IssueArgument();
        var version = new Option<string>("--version") { Description = "The app version that fixes it", Required = true };
        var command = CliApp.Command("resolve", "Resolve an issue as fixed in an app version; a newer version that fails again regresses it.", "owlmetry issues resolve 5d1e… --version 2.4.1", issue, version, app.ProjectOption);
        app.OnRun(command, async run => Changed(run, await run.Client.UpdateIssueStatusAsync(run.Project(app.ProjectOption), run.Value(issue), "resolved", run.Value(version), run.Ct)));
        return command;
    }

    private static Command StatusChange(CliApp app, string name, string status, string description)
    {
        var issue = IssueArgument();
        var command = CliApp.Command(name, description, $"owlmetry issues {name} 5d1e…", issue, app.ProjectOption);
        app.OnRun(command, async run => Changed(run, await run.Client.UpdateIssueStatusAsync(run.Project(app.ProjectOption), run.Value(issue), status, ct: run.Ct)));
        return command;
    }

    private static Command Merge(CliApp app)
    {
        var target = new Argument<Guid>("target") { Description = "The issue that stays" };
        var source = new Argument<Guid>("source") { Description = "The issue merged into it (deleted)" };
        var command = CliApp.Command("merge", "Merge one issue into another of the same project.", "owlmetry issues merge 5d1e… 9a7b…", target, source, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var merged = await run.Client.MergeIssuesAsync(run.Project(app.ProjectOption), run.Value(target), run.Value(source), run.Ct);
            run.Output.Show(merged, w => w.WriteLine($"Merged {run.Value(source)} into {merged.Id}: {merged.OccurrenceCount} occurrences"));
        });
        return command;
    }

    private static Command Claim(CliApp app)
    {
        var issue = new Argument<Guid?>("issue") { Description = "The issue to claim; left out, the next issue nobody holds", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status") { Description = "Only issues in this status (default: any but resolved and silenced)" }.Suggesting(CompletionValues.Statuses);
        var appId = AppFilter();
        var dataMode = DataModeFilter();
        var sort = new Option<string?>("--sort") { Description = "Which issue comes first: last_seen (default), occurrences, …" }.Suggesting(CompletionValues.Sorts);
        var duration = ClaimDuration();
        var command = CliApp.Command(
            "claim",
            "Claim the next issue nobody holds, for a bounded time, so that parallel triagers never take the same one; or, with ISSUE, "
            + "that issue: taken when nobody holds it (or its claim lapsed), your claim extended when you hold it. The claim is "
            + "advisory: others may still change, comment on or merge the issue.",
            "owlmetry issues claim --data-mode production --sort occurrences --duration 1800",
            issue, app.ProjectOption, status, appId, dataMode, sort, duration);
        app.OnRun(command, async run =>
        {
            var issueId = run.Value(issue);
            // The filters choose the next issue; given with ISSUE, they would be silently ignored.
            if (issueId is not null && new Option[] { status, appId, dataMode, sort }.FirstOrDefault(o => run.Parse.GetResult(o) is not null) is { } filter)
            {
                throw new UsageException($"{filter.Name} chooses the next issue to claim; it does not go with ISSUE.");
            }

            var project = run.Project(app.ProjectOption);
            var claimed = issueId is { } id
                ? await run.Client.ClaimIssueAsync(project, id, run.Value(duration), run.Ct)
                : await run.Client.ClaimNextIssueAsync(
                    project, new ClaimIssueRequest(run.Value(status), run.Value(appId)?.ToString(), run.Value(dataMode), run.Value(sort), run.Value(duration)), run.Ct);
            run.Output.Show(claimed, w => w.WriteLine($"Claimed {claimed.Id} until {Time(claimed.Claim!.ExpiresAt)}: {TerminalText.Line(claimed.Title)}"));
        });
        return command;
    }

    private static Command Release(CliApp app)
    {
        var issue = IssueArgument();
        var command = CliApp.Command(
            "release", "Release your claim on an issue; a team owner or admin may release anyone's.", "owlmetry issues release 5d1e…", issue, app.ProjectOption);
        app.OnRun(command, async run =>
        {
            var released = await run.Client.ReleaseClaimAsync(run.Project(app.ProjectOption), run.Value(issue), run.Ct);
            run.Output.Show(released, w => w.WriteLine($"Released {released.Id}"));
        });
        return command;
    }

    private static Option<Guid?> AppFilter() => new("--app") { Description = "Only this app's issues" };

    private static Option<string?> DataModeFilter() =>
        new Option<string?>("--data-mode") { Description = "production, development or all" }.Suggesting(CompletionValues.DataModes);

    private static Option<int?> ClaimDuration() => new("--duration") { Description = "Seconds the claim lasts, 30 to 86400 (default 900)" };

    private static void Changed(Invocation run, IssueResponse issue) =>
        run.Output.Show(issue, w => w.WriteLine(
            $"Issue {issue.Id} is now {TerminalText.Line(issue.Status)}" + (issue.ResolvedAtVersion is { } v ? $" (fixed in {TerminalText.Line(v)})" : string.Empty)));

    // Every text here is the server's, and most of it anyone with a client key can choose (the title is an event's
    // message; versions and user ids come with events): each goes through TerminalText.
    private static void WriteDetail(TextWriter w, IssueDetailResponse d)
    {
        w.WriteLine(TerminalText.Line(d.Title));
        w.WriteLine($"  id          {d.Id}");
        w.WriteLine($"  status      {TerminalText.Line(d.Status)}{(d.ResolvedAtVersion is { } v ? $" (fixed in {TerminalText.Line(v)})" : string.Empty)}");
        w.WriteLine($"  app         {TerminalText.Line(d.AppName ?? d.AppId.ToString())}{(d.IsDev ? " (development)" : string.Empty)}");
        w.WriteLine($"  events      {d.OccurrenceCount} from {d.UniqueUserCount} users");
        w.WriteLine($"  seen        {Time(d.FirstSeenAt)} … {Time(d.LastSeenAt)}");
        w.WriteLine($"  versions    {TerminalText.Line(d.FirstSeenAppVersion ?? "-")} … {TerminalText.Line(d.LastSeenAppVersion ?? "-")}");
        if (d.Claim is { } claim)
        {
            w.WriteLine($"  claimed by  {TerminalText.Line(claim.HolderName)} until {Time(claim.ExpiresAt)}");
        }

        w.WriteLine();
        w.WriteLine($"Occurrences ({d.Occurrences.Count}{(d.OccurrenceHasMore ? "+" : string.Empty)}):");
        foreach (var o in d.Occurrences)
        {
            w.WriteLine($"  {Time(o.Timestamp)}  {TerminalText.Line(o.AppVersion ?? "-"),-10}  {TerminalText.Line(o.UserId ?? "-")}");
        }

        w.WriteLine();
        w.WriteLine($"Comments ({d.Comments.Count}):");
        foreach (var c in d.Comments)
        {
            w.WriteLine($"  [{c.Id}] {TerminalText.Line(c.AuthorName)} ({TerminalText.Line(c.AuthorType)}), {Time(c.CreatedAt)}:");
            w.WriteLine($"    {TerminalText.Lines(c.Body).ReplaceLineEndings(Environment.NewLine + "    ")}");
        }

        if (d.Attachments.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"Attachments ({d.Attachments.Count}):");
            foreach (var a in d.Attachments)
            {
                w.WriteLine($"  {a.Id}  {TerminalText.Line(a.OriginalFilename)} ({a.SizeBytes} bytes)");
            }
        }
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
