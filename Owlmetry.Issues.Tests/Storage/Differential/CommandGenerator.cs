using System.Globalization;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Comments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Lifecycle;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Draws a sequence of commands from a seed alone, without looking at any store: the same seed gives the same
/// sequence, and commands name issues and comments by <see cref="IssueHandle"/> and <see cref="CommentTarget"/>.
/// </summary>
internal sealed class CommandGenerator
{
    // Event times sit on a grid wider than the scan's 5-second burst window, so no two events share a time or a
    // burst. A tie in time leaves an order to the ids the library draws at random, different on each side (the
    // occurrence order and the first and last versions); and a burst over two issues created by the same scan
    // hands its new fingerprints to the one with the smaller random id. Both would differ between the sides
    // without any provider being wrong.
    private static readonly TimeSpan s_eventGrid = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan s_gridOffset = TimeSpan.FromMilliseconds(123);
    private const int GridSlotsInThePast = 1_200;
    private const int GridSlotsInTheFuture = 30;
    private const int Prelude = 3;

    private static readonly TimeSpan[] s_advances =
        [TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    private static readonly string?[] s_resolvedVersions = ["1.0", "2.0", "2.1", "3.1"];
    private static readonly string?[] s_oddVersions = [null, "", "   ", " 2.0 ", new string('9', IssueLifecycle.MaxResolvedVersionLength + 1)];
    private static readonly string?[] s_bodies = ["Looking into it", "Fixed in 2.1?", "  padded  ", "Same as the other one"];
    private static readonly string?[] s_refusedBodies = [null, "", "   ", new string('x', CommentRules.MaxBodyLength + 1)];
    private static readonly string[] s_environmentNoPlatformAllows = ["tvos"];

    private readonly Random _random;
    private readonly HashSet<long> _usedSlots = [];
    private DateTimeOffset _now = DifferentialRun.ClockStart;

    public CommandGenerator(int seed) => _random = new Random(seed);

    public IReadOnlyList<WorldCommand> Generate(int count)
    {
        var commands = new List<WorldCommand>(count);
        for (var i = 0; i < count; i++)
        {
            _now += DifferentialRun.Tick;
            var command = i < Prelude ? PreludeCommand(i) : Next();
            _now += command.ClockAdvance;
            commands.Add(command);
        }

        return commands;
    }

    // Issues first: merges, status changes and comments on an empty project would all just be "not found".
    private WorldCommand PreludeCommand(int index) => index == Prelude - 1 ? new ScanCommand() : Ingest();

    private WorldCommand Next() => _random.Next(100) switch
    {
        < 25 => Ingest(),
        < 40 => new ScanCommand(),
        < 55 => Merge(),
        < 70 => ChangeStatus(),
        < 80 => AddComment(),
        < 87 => new EditCommentCommand(Comment(), AnyActor(), Body()),
        < 93 => new DeleteCommentCommand(Comment(), AnyActor()),
        _ => new AdvanceClockCommand(Pick(s_advances)),
    };

    private IngestCommand Ingest()
    {
        var app = DifferentialTenancy.Apps[_random.Next(100) switch { < 50 => 0, < 80 => 1, _ => 2 }];
        var events = Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => Event(app)).ToList();
        return new IngestCommand(app, events);
    }

    private IncomingEvent Event(TenantApp app) => new()
    {
        Message = Chance(3) ? "" : Pick(EventPool.Messages),
        Level = _random.Next(100) switch { < 85 => "error", < 95 => "warn", _ => "fatal" },
        SessionId = Pick(EventPool.Sessions).ToString(),
        ClientEventId = Chance(35) ? Pick(EventPool.ClientEventIds).ToString() : null,
        UserId = Pick(EventPool.Users),
        SourceModule = Chance(15) ? Pick(EventPool.SourceModules) : null,
        Environment = _random.Next(100) switch { < 80 => Pick(app.Environments), < 92 => null, _ => Pick(s_environmentNoPlatformAllows) },
        AppVersion = Pick(EventPool.AppVersions),
        SdkName = Chance(50) ? "owlmetry-swift" : null,
        SdkVersion = Pick(EventPool.SdkVersions),
        IsDev = Chance(8) ? true : null,
        Timestamp = Timestamp(),
    };

    private string Timestamp()
    {
        if (Chance(3))
        {
            return "yesterday";
        }

        if (Chance(3))
        {
            return (_now - TimeSpan.FromDays(31)).ToString("O", CultureInfo.InvariantCulture);
        }

        var nowSlot = (long)((_now - DifferentialRun.ClockStart) / s_eventGrid);
        long slot;
        do
        {
            slot = nowSlot + _random.Next(-GridSlotsInThePast, GridSlotsInTheFuture + 1);
        }
        while (!_usedSlots.Add(slot));

        return (DifferentialRun.ClockStart + (s_eventGrid * slot) + s_gridOffset).ToString("O", CultureInfo.InvariantCulture);
    }

    private MergeCommand Merge()
    {
        var projectId = Chance(90) ? DifferentialTenancy.Shop.Id : DifferentialTenancy.Elsewhere.Id;
        var otherProjectId = DifferentialTenancy.Projects.First(p => p.Id != projectId).Id;
        var target = LiveMostly(projectId);
        var source = _random.Next(100) switch
        {
            < 60 => target with { Kind = IssueHandleKind.Live, Index = target.Index + 1 + _random.Next(6) },
            < 72 => target,
            < 84 => Live(otherProjectId),
            < 94 => new IssueHandle(IssueHandleKind.MergedAway, projectId, _random.Next(8)),
            _ => new IssueHandle(IssueHandleKind.Unknown, projectId, 0),
        };
        return new MergeCommand(projectId, Chance(60) ? DifferentialTenancy.BothTeamsOwner : AnyActor(), target, source);
    }

    private ChangeStatusCommand ChangeStatus()
    {
        var projectId = ProjectId();
        // Resolving is what regressions need, and most other targets are refused from most statuses anyway.
        var target = Chance(35) ? IssueStatus.Resolved : Pick(Enum.GetValues<IssueStatus>());
        var version = target == IssueStatus.Resolved && Chance(80) ? Pick(s_resolvedVersions) : Pick(s_oddVersions);
        return new ChangeStatusCommand(projectId, Chance(60) ? DifferentialTenancy.BothTeamsOwner : AnyActor(), LiveMostly(projectId), target, version);
    }

    private AddCommentCommand AddComment()
    {
        var projectId = ProjectId();
        return new AddCommentCommand(projectId, AnyActor(), LiveMostly(projectId), Body());
    }

    private Guid ProjectId() => Chance(85) ? DifferentialTenancy.Shop.Id : DifferentialTenancy.Elsewhere.Id;

    private IssueHandle Live(Guid projectId) => new(IssueHandleKind.Live, projectId, _random.Next(8));

    private IssueHandle LiveMostly(Guid projectId) => _random.Next(100) switch
    {
        < 92 => Live(projectId),
        < 96 => new IssueHandle(IssueHandleKind.MergedAway, projectId, _random.Next(8)),
        _ => new IssueHandle(IssueHandleKind.Unknown, projectId, 0),
    };

    private CommentTarget Comment() => new(_random.Next(12), OnAnotherIssue: Chance(10));

    private string? Body() => Chance(80) ? Pick(s_bodies) : Pick(s_refusedBodies);

    private Actor AnyActor() => Pick(DifferentialTenancy.Actors);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
