using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.CrashProbe;

internal sealed partial class ProbeLoop
{
    private static readonly string[] s_messages =
    [
        "Connection refused to 10.0.0.{0}",
        "Timeout after {0} ms",
        "NullReferenceException in Checkout step {0}",
        "Disk full while writing chunk {0}",
        "HTTP 500 from /v1/orders/{0}",
    ];

    private async Task<string> SeedAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.TruncateToMilliseconds();
        var hashes = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => NewHash()).ToList();
        var issue = new Issue
        {
            Id = NewGuid(),
            ProjectId = _arguments.ProjectId,
            AppId = _arguments.AppId,
            Title = $"Seeded issue {_units}",
            IsDev = _random.Next(10) == 0,
            FirstSeenAt = now,
            LastSeenAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Fingerprints = hashes,
        };
        var sessions = Enumerable.Range(0, 1 + _random.Next(12)).Select(_ => PickSession()).Distinct().ToList();
        var occurrences = sessions.Select(sessionId => new IssueOccurrence
        {
            Id = NewGuid(),
            IssueId = issue.Id,
            SessionId = sessionId,
            UserId = PickUser(),
            AppVersion = PickVersion(),
            EventId = NewGuid(),
            Timestamp = now.AddSeconds(-_random.Next(3_600)),
            CreatedAt = now,
        }).ToList();
        await _store.SeedIssueAsync(issue, occurrences, ct).ConfigureAwait(false);
        return $"seed {issue.Id} {string.Join(',', hashes)}";
    }

    private async Task<string?> MergeAsync(IReadOnlyList<Issue> issues, CancellationToken ct)
    {
        var target = Pick(issues);
        var source = Pick(issues);
        if (target.Id == source.Id)
        {
            return null;
        }

        var merged = await _issues.MergeAsync(_owner, _arguments.ProjectId, target.Id, source.Id, ct).ConfigureAwait(false);
        return merged.IsSuccess ? $"merge {target.Id} {source.Id}" : null;
    }

    private async Task<string?> CommentAsync(Issue issue, CancellationToken ct)
    {
        // Leading and trailing spaces: the body must round-trip exactly, even through a crash.
        var comment = await _issues.AddCommentAsync(_owner, _arguments.ProjectId, issue.Id, $"  note {_units} on {issue.Title}  ", ct)
            .ConfigureAwait(false);
        return comment.IsSuccess ? $"comment {issue.Id} {comment.Value.Id}" : null;
    }

    private async Task<string?> ChangeStatusAsync(Issue issue, CancellationToken ct)
    {
        var targets = IssueLifecycle.AllowedTargets(issue.Status);
        if (targets.Count == 0)
        {
            return null;
        }

        var target = Pick(targets);
        var version = target == IssueStatus.Resolved ? PickVersion() : null;
        var changed = await _issues.ChangeStatusAsync(_owner, _arguments.ProjectId, issue.Id, target, version, ct).ConfigureAwait(false);
        return changed.IsSuccess ? $"status {issue.Id} {target.ToWireName()}" : null;
    }

    private async Task<string?> IngestAsync(CancellationToken ct)
    {
        var events = Enumerable.Range(0, 1 + _random.Next(30)).Select(_ => new IncomingEvent
        {
            Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(s_messages), _random.Next(1_000)),
            Level = "error",
            SessionId = PickSession().ToString(),
            ClientEventId = NewGuid().ToString(),
            UserId = PickUser(),
            AppVersion = PickVersion(),
            IsDev = _random.Next(10) == 0,
        }).ToList();
        var ingested = await _ingestor.IngestAsync(new IngestSource(_arguments.AppId, _arguments.ProjectId, "backend"), events, ct)
            .ConfigureAwait(false);
        return ingested.IsSuccess && ingested.Value.Accepted == events.Count
            ? $"ingest {string.Join(',', events.Select(e => e.ClientEventId))}"
            : throw new InvalidOperationException($"Ingest refused probe events: {ingested}");
    }

    private async Task<string> ScanAsync(CancellationToken ct)
    {
        await _scanner.ScanAsync(ct).ConfigureAwait(false);
        var checkpoint = await _store.ReadAsync(reader => reader.GetScanCheckpointAsync(), ct).ConfigureAwait(false);
        return $"scan {checkpoint}";
    }

    private string NewHash()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
