using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Switches on notifications (CONTRACT §9) and registers their in-process handlers.</summary>
public static class NotificationsIssuesBuilderExtensions
{
    /// <summary>
    /// Records an <c>issue.new</c> notification for each scan batch that created, regressed or woke production
    /// issues, runs the digests in the background, and dispatches the outbox to every registered
    /// <see cref="INotificationHandler"/>. Calling it twice is harmless; the last <paramref name="configure"/> wins
    /// where they overlap.
    /// </summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder AddNotifications(this IIssuesBuilder builder, Action<NotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<NotificationOptions>()
            .Validate(o => o.DispatchInterval > TimeSpan.Zero, "DispatchInterval must be positive.")
            .Validate(o => o.MaxDispatchAttempts >= 1, "MaxDispatchAttempts must be at least 1.")
            .Validate(o => o.DigestCheckInterval > TimeSpan.Zero, "DigestCheckInterval must be positive.")
            .Validate(o => o.DigestIssueLimit >= 1, "DigestIssueLimit must be at least 1.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<NotificationSignal>();
        services.TryAddSingleton<NotificationRecorder>();
        services.TryAddSingleton(sp => new IssueDigests(
            sp.GetRequiredService<IIssueStore>(),
            sp.GetRequiredService<IIssueDirectory>(),
            sp.GetRequiredService<NotificationSignal>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<NotificationOptions>>()));
        services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<IIssueStore>(),
            sp.GetServices<INotificationHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<NotificationOptions>>(),
            sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationDispatchBackgroundService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IssueDigestBackgroundService>());
        return builder;
    }

    /// <summary>Hands every notification to <typeparamref name="THandler"/> (a singleton); switches notifications on.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder AddNotificationHandler<THandler>(this IIssuesBuilder builder)
        where THandler : class, INotificationHandler
    {
        builder.AddNotifications();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationHandler, THandler>());
        return builder;
    }
}
