using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.CrashProbe;

/// <summary>
/// Writes through the library's real paths (seeding, the merge rule, comments, status changes, ingest and the
/// scan) in a random mix, and prints what each committed unit did, so that the crash test knows which units were
/// durable before the kill: <c>unit N seed|merge|comment|status|ingest|scan …</c>. Writes that the rules refuse
/// commit nothing and print nothing.
/// </summary>
internal sealed partial class ProbeLoop
{
    private const int SessionPoolSize = 40;
    private const int UserPoolSize = 8;
    private const int CrowdedIssueCount = 60;

    private readonly Random _random;
    private readonly ProbeArguments _arguments;
    private readonly TextWriter _output;
    private readonly IIssueStore _store;
    private readonly IIssueService _issues;
    private readonly EventIngestor _ingestor;
    private readonly IssueScanner _scanner;
    private readonly Actor _owner;
    private readonly Guid[] _sessions;
    private long _units;

    public ProbeLoop(IServiceProvider services, ProbeArguments arguments, TextWriter output)
    {
        _random = new Random(arguments.Seed);
        _arguments = arguments;
        _output = output;
        _store = services.GetRequiredService<IIssueStore>();
        _issues = services.GetRequiredService<IIssueService>();
        _ingestor = services.GetRequiredService<EventIngestor>();
        _scanner = services.GetRequiredService<IssueScanner>();
        _owner = Actor.User(Guid.NewGuid(), "Crash probe", new Dictionary<Guid, TeamRole> { [arguments.TeamId] = TeamRole.Owner });

        // Seeds and events share a few sessions, so that merges meet sessions both issues have.
        _sessions = Enumerable.Range(0, SessionPoolSize).Select(_ => NewGuid()).ToArray();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (await StepAsync(ct).ConfigureAwait(false) is { } done)
            {
                // Printed only once the unit has returned, that is once it is durable.
                _output.WriteLine($"unit {++_units} {done}");
            }
        }
    }

    private async Task<string?> StepAsync(CancellationToken ct)
    {
        var issues = await _store.ReadAsync(
            reader => reader.ListIssuesAsync(new IssueListFilter([_arguments.ProjectId]), IssueSort.LastSeen, after: null, take: 200), ct)
            .ConfigureAwait(false);
        var roll = _random.Next(100);
        if (issues.Count < 2 || (roll < 20 && issues.Count < CrowdedIssueCount))
        {
            return await SeedAsync(ct).ConfigureAwait(false);
        }

        return roll switch
        {
            < 45 => await MergeAsync(issues, ct).ConfigureAwait(false),
            < 60 => await CommentAsync(Pick(issues), ct).ConfigureAwait(false),
            < 75 => await ChangeStatusAsync(Pick(issues), ct).ConfigureAwait(false),
            < 90 => await IngestAsync(ct).ConfigureAwait(false),
            _ => await ScanAsync(ct).ConfigureAwait(false),
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid PickSession() => _random.Next(2) == 0 ? Pick(_sessions) : NewGuid();

    private string? PickUser() => _random.Next(10) < 7 ? $"user-{_random.Next(UserPoolSize)}" : null;

    private string PickVersion() => $"1.{_random.Next(6)}.0";

    /// <summary>Guids from the seeded generator, so that a run can be replayed from its seed.</summary>
    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
