using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Jobs;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Owlmetry issue library.</summary>
public static partial class OwlmetryIssuesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the issue and attachment services with in-memory storage, an in-memory directory and the system clock, each
    /// registered only if nothing else is (a <see cref="TimeProvider"/> registered by the caller wins), and the
    /// <see cref="IssuesMetrics"/> instruments on an <see cref="System.Diagnostics.Metrics.IMeterFactory"/>. Calling it
    /// twice is harmless.
    /// </summary>
    /// <returns>A builder for choosing storage and other extensions.</returns>
    public static IIssuesBuilder AddOwlmetryIssues(this IServiceCollection services, Action<IssuesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IssuesOptions>()
            .Validate(o => o.DefaultPageSize >= 1 && o.DefaultPageSize <= o.MaxPageSize, "DefaultPageSize must be between 1 and MaxPageSize.")
            .Validate(o => o.DetailAttachmentLimit >= 0, "DetailAttachmentLimit must not be negative.")
            .Validate(o => o.ScanInterval > TimeSpan.Zero, "ScanInterval must be positive.")
            .Validate(o => o.ScanBatchSize is null or >= 1, "ScanBatchSize must be at least 1.")
            .Validate(o => o.EventRetention > TimeSpan.Zero, "EventRetention must be positive.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ScanLag>();
        services.TryAddSingleton<IssuesMetrics>();
        services.TryAddSingleton<IIssueStore, InMemoryIssueStore>();
        services.TryAddSingleton<InMemoryIssueDirectory>();
        services.TryAddSingleton<IIssueDirectory>(sp => sp.GetRequiredService<InMemoryIssueDirectory>());
        services.TryAddSingleton<IIssueService, IssueService>();
        services.TryAddSingleton<IEventService, EventService>();
        services.TryAddSingleton<IFingerprintStrategy, DefaultFingerprintStrategy>();
        services.TryAddSingleton<ScanSignal>();
        services.TryAddSingleton(sp => new EventIngestor(
            sp.GetRequiredService<IIssueStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ScanSignal>(),
            sp.GetServices<IIngestObserver>(),
            sp.GetService<IssuesMetrics>(),
            sp.GetService<ILogger<EventIngestor>>()));
        services.TryAddSingleton<IngestAccess>();
        services.TryAddSingleton(sp => new IssueScanner(
            sp.GetRequiredService<IIssueStore>(),
            sp.GetRequiredService<IFingerprintStrategy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<IssuesOptions>>(),
            sp.GetService<NotificationRecorder>(),
            sp.GetService<ScanSignal>(),
            sp.GetService<IssuesMetrics>(),
            sp.GetService<ILogger<IssueScanner>>()));
        services.TryAddSingleton<ScanJobs>();
        services.TryAddSingleton<ScanRunHistory>();
        AddAttachments(services);
        return new IssuesBuilder(services);
    }

    /// <summary>
    /// Runs the issue scan in the background: on new error events, and at least every <see cref="IssuesOptions.ScanInterval"/>,
    /// unless <see cref="IssuesOptions.BackgroundScan"/> switches it off (e.g. in an integration test that scans by hand).
    /// </summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder AddBackgroundScan(this IIssuesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IssueScanBackgroundService>());
        return builder;
    }

    /// <summary>Groups events with <typeparamref name="TStrategy"/> instead of the contract's default fingerprint.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder AddFingerprintStrategy<TStrategy>(this IIssuesBuilder builder)
        where TStrategy : class, IFingerprintStrategy
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IFingerprintStrategy, TStrategy>());
        return builder;
    }

    /// <summary>Stores issues in memory (the default): for tests, samples and throw-away instances.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseInMemoryStorage(this IIssuesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IIssueStore, InMemoryIssueStore>());
        return builder;
    }

    /// <summary>Reads projects and apps from the host's own directory instead of the in-memory one.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseDirectory<TDirectory>(this IIssuesBuilder builder)
        where TDirectory : class, IIssueDirectory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IIssueDirectory, TDirectory>());
        return builder;
    }
}
