using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Testing;

/// <summary>
/// A complete issue library in memory, for an application's unit tests: one line gives a working
/// <see cref="IIssueService"/> on in-memory storage, on the clock you pass (e.g. a <c>FakeTimeProvider</c>), with
/// methods to add projects and apps and to seed issues. Scans record their notifications; run the digests and the
/// dispatch by hand (<see cref="Digests"/>, <see cref="Notifications"/>) with your handlers in <see cref="NotificationHandlers"/>.
/// </summary>
/// <example>
/// <code>
/// var issues = new InMemoryIssues(new FakeTimeProvider());
/// var app = issues.AddApp(issues.AddProject(teamId).Id);
/// var issue = await issues.SeedIssueAsync(new IssueSeed(app.Id, "Connection refused"));
/// var page = await issues.Service.ListAsync(Actor.User(userId, "Jane", new Dictionary&lt;Guid, TeamRole&gt; { [teamId] = TeamRole.Owner }), app.ProjectId, new IssueQuery());
/// </code>
/// </example>
public sealed class InMemoryIssues
{
    private readonly IFingerprintStrategy _fingerprints;

    /// <summary>
    /// Creates the library on <paramref name="timeProvider"/> (the system clock when null), grouping events with
    /// <paramref name="fingerprintStrategy"/> (the contract's default fingerprint when null) as
    /// <c>AddFingerprintStrategy&lt;T&gt;()</c> does in a container.
    /// </summary>
    public InMemoryIssues(
        TimeProvider? timeProvider = null,
        IssuesOptions? options = null,
        NotificationOptions? notificationOptions = null,
        AttachmentOptions? attachmentOptions = null,
        IFingerprintStrategy? fingerprintStrategy = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        var issuesOptions = Options.Create(options ?? new IssuesOptions());
        var notifications = Options.Create(notificationOptions ?? new NotificationOptions());
        var signal = new NotificationSignal();
        Service = new IssueService(Store, Directory, TimeProvider, issuesOptions);
        Ingestor = new EventIngestor(Store, TimeProvider, new ScanSignal(), []);
        Recorder = new NotificationRecorder(Directory, signal);
        var fingerprints = fingerprintStrategy ?? new DefaultFingerprintStrategy();
        _fingerprints = fingerprints;
        Scanner = new IssueScanner(Store, fingerprints, TimeProvider, issuesOptions, Recorder);
        Digests = new IssueDigests(Store, Directory, signal, TimeProvider, notifications);
        Notifications = new NotificationDispatcher(Store, NotificationHandlers, TimeProvider, notifications, NullLogger<NotificationDispatcher>.Instance);
        var attachments = Options.Create(attachmentOptions ?? new AttachmentOptions());
        var uploads = new AttachmentUploadGate();
        Attachments = new AttachmentService(
            Store, Directory, Blobs, TimeProvider, issuesOptions, attachments, new AttachmentDownloadSigner(attachments), uploads, fingerprints);
        AttachmentCleanup = new AttachmentCleanup(Store, Blobs, uploads, TimeProvider, attachments);
    }

    /// <summary>The issue service under test.</summary>
    public IIssueService Service { get; }

    /// <summary>Ingest, as <c>POST /v1/ingest</c> does it.</summary>
    public EventIngestor Ingestor { get; }

    /// <summary>The issue scan, run by hand: no background thread.</summary>
    public IssueScanner Scanner { get; }

    /// <summary>Records the scan's notifications in the outbox.</summary>
    internal NotificationRecorder Recorder { get; }

    /// <summary>The project digests, run by hand: <c>RunDueAsync()</c> after moving the clock.</summary>
    public IssueDigests Digests { get; }

    /// <summary>The outbox dispatch, run by hand: hands pending notifications to <see cref="NotificationHandlers"/>.</summary>
    public NotificationDispatcher Notifications { get; }

    /// <summary>The handlers <see cref="Notifications"/> dispatches to; add yours before dispatching.</summary>
    public IList<INotificationHandler> NotificationHandlers { get; } = new List<INotificationHandler>();

    /// <summary>Attachments: reserve, upload, list, download and delete, as the <c>/v1</c> attachment routes do.</summary>
    public IAttachmentService Attachments { get; }

    /// <summary>The attachment cleanup, run by hand.</summary>
    public AttachmentCleanup AttachmentCleanup { get; }

    /// <summary>Where uploaded attachment bytes are kept.</summary>
    public InMemoryAttachmentBlobStore Blobs { get; } = new();

    /// <summary>The store behind the service.</summary>
    public InMemoryIssueStore Store { get; } = new();

    /// <summary>The projects and apps the service knows.</summary>
    public InMemoryIssueDirectory Directory { get; } = new();

    /// <summary>The clock of the service.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Adds a project of <paramref name="teamId"/>.</summary>
    /// <returns>The project.</returns>
    public ProjectInfo AddProject(Guid teamId, string name = "Project", IssueAlertFrequency? alertFrequency = null) =>
        Directory.AddProject(new ProjectInfo(Guid.NewGuid(), teamId, name, alertFrequency));

    /// <summary>Adds an app to a project; its <paramref name="platform"/> (<c>apple</c>, <c>android</c>, <c>web</c> or <c>backend</c>) bounds the environments its events may name.</summary>
    /// <returns>The app.</returns>
    public AppInfo AddApp(Guid projectId, string name = "App", string platform = "backend") =>
        Directory.AddApp(new AppInfo(Guid.NewGuid(), projectId, name, platform));

    /// <summary>Ingests events as the app would send them, then scans them into issues.</summary>
    /// <returns>The ingest result and what the scan did.</returns>
    public async Task<(IngestResult Ingest, IssueScanResult Scan)> IngestAndScanAsync(AppInfo app, IReadOnlyList<IncomingEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ingested = await Ingestor.IngestAsync(new IngestSource(app.Id, app.ProjectId, app.Platform), events, ct).ConfigureAwait(false);
        var scanned = await Scanner.ScanAsync(ct).ConfigureAwait(false);
        return (ingested.Value, scanned);
    }

    /// <summary>Creates an issue with its occurrences, as the scan would have left it.</summary>
    /// <returns>The stored issue.</returns>
    public async Task<Issue> SeedIssueAsync(IssueSeed seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var app = await Directory.FindAppAsync(seed.AppId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"App {seed.AppId} is unknown: add it with AddApp first.");
        var now = TimeProvider.GetUtcNowMilliseconds();
        // Time-ordered as the scan's: issues seeded under one frozen clock list in the order seeded.
        var issueId = TimeOrderedIds.New(now);
        var issue = new Issue
        {
            Id = issueId,
            ProjectId = app.ProjectId,
            AppId = app.Id,
            Status = seed.Status,
            Title = seed.Title,
            SourceModule = seed.SourceModule,
            IsDev = seed.IsDev,
            ResolvedAtVersion = seed.ResolvedAtVersion,
            SnoozedAt = seed.Status == IssueStatus.Snoozed ? now : null,
            FirstSeenAt = now,
            LastSeenAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Fingerprints = seed.Fingerprints.Count > 0 ? seed.Fingerprints : [_fingerprints.Compute(new FingerprintInput(seed.Title, seed.SourceModule, null)).Hash],
        };
        var occurrences = (seed.Occurrences.Count > 0 ? seed.Occurrences : [new OccurrenceSeed()])
            .Select(o => new IssueOccurrence
            {
                Id = Guid.NewGuid(),
                IssueId = issueId,
                SessionId = o.SessionId ?? Guid.NewGuid(),
                UserId = o.UserId,
                AppVersion = o.AppVersion,
                SdkVersion = o.SdkVersion,
                EventId = Guid.NewGuid(),
                Timestamp = o.Timestamp?.TruncateToMilliseconds() ?? now,
                CreatedAt = now,
            })
            .ToList();
        return await Store.SeedIssueAsync(issue, occurrences, ct).ConfigureAwait(false);
    }
}
