using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class OwlmetryIssuesServiceCollectionExtensions
{
    /// <summary>Sets the attachment options (limits, quotas, link and reservation lifetimes, cleanup timing, signing key).</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder ConfigureAttachments(this IIssuesBuilder builder, Action<AttachmentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Keeps attachment bytes in <typeparamref name="TStore"/> instead of memory.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseAttachmentBlobStore<TStore>(this IIssuesBuilder builder)
        where TStore : class, IAttachmentBlobStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAttachmentBlobStore, TStore>());
        return builder;
    }

    /// <summary>Keeps attachment bytes as files in <paramref name="folder"/> (see <see cref="FileSystemAttachmentBlobStore"/>).</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder UseFileSystemAttachmentStorage(this IIssuesBuilder builder, string folder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAttachmentBlobStore>(new FileSystemAttachmentBlobStore(folder)));
        return builder;
    }

    /// <summary>Runs the <see cref="AttachmentCleanup"/> in the background, at start and every <see cref="AttachmentOptions.CleanupInterval"/>.</summary>
    /// <returns>The builder.</returns>
    public static IIssuesBuilder AddAttachmentCleanup(this IIssuesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AttachmentCleanupBackgroundService>());
        return builder;
    }

    private static void AddAttachments(IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>()
            .Validate(o => o.MaxAttachmentBytes > 0, "MaxAttachmentBytes must be positive.")
            .Validate(o => o.UserQuotaBytes > 0 && o.ProjectQuotaBytes > 0, "Attachment quotas must be positive.")
            .Validate(o => o.UploadWindow > TimeSpan.Zero, "UploadWindow must be positive.")
            .Validate(o => o.DeletedRetention >= TimeSpan.Zero, "DeletedRetention must not be negative.")
            .Validate(o => o.DownloadLinkLifetime > TimeSpan.Zero, "DownloadLinkLifetime must be positive.")
            .Validate(o => o.CleanupInterval > TimeSpan.Zero, "CleanupInterval must be positive.")
            .Validate(o => o.DownloadSigningKey is null || o.DownloadSigningKey.Length >= 32, "DownloadSigningKey must be at least 32 bytes.")
            .ValidateOnStart();
        services.TryAddSingleton<IAttachmentBlobStore, InMemoryAttachmentBlobStore>();
        services.TryAddSingleton<AttachmentUploadGate>();
        services.TryAddSingleton<AttachmentDownloadSigner>();
        services.TryAddSingleton<IAttachmentService, AttachmentService>();
        services.TryAddSingleton(sp => new AttachmentCleanup(
            sp.GetRequiredService<IIssueStore>(),
            sp.GetRequiredService<IAttachmentBlobStore>(),
            sp.GetRequiredService<AttachmentUploadGate>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<AttachmentOptions>>()));
    }
}
