using Owlmetry.Issues.Access;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.Ingest;

/// <summary>
/// Who may send events and attachments: a client key with <c>events:write</c> that is bound to an app
/// (<see cref="Actor.AppId"/>), and for events an app the directory knows, whose bundle id the batch must name.
/// The host's ingest endpoints ask here before reading a body, so a refused key never costs a read.
/// </summary>
/// <param name="directory">Where the key's app is looked up.</param>
internal sealed class IngestAccess(IIssueDirectory directory)
{
    /// <summary>The refusal of an event batch from a key that is not a client key bound to an app.</summary>
    public const string EventsClientKeyRequired = "Ingest requires a client key bound to an app";

    /// <summary>The refusal of an event batch from a client key whose app the directory does not know (deleted, or never added to the host's directory), in the reference's words.</summary>
    public const string EventsAppUnknown = "App associated with this API key no longer exists";

    /// <summary>The refusal of an attachment from a key that is not a client key bound to an app.</summary>
    public const string AttachmentsClientKeyRequired = "Attachments require a client key bound to an app";

    /// <summary>The app <paramref name="actor"/> may send events for: the permission first, then its app.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="ct">Cancels the directory lookup.</param>
    /// <returns>The app, or a forbidden refusal, or an invalid one for a key whose app is gone.</returns>
    public async Task<IssueResult<AppInfo>> AuthorizeEventsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(IssuePermissions.EventsWrite))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsWrite);
        }

        if (actor.Kind != ActorKind.Client || actor.AppId is not { } appId)
        {
            return IssueError.Forbidden(EventsClientKeyRequired);
        }

        return await directory.FindAppAsync(appId, ct).ConfigureAwait(false) is { } app ? app : IssueError.Invalid(EventsAppUnknown);
    }

    /// <summary>Where a batch from <paramref name="app"/> comes from, once its <c>bundle_id</c> matches the app's.</summary>
    /// <param name="app">The app <see cref="AuthorizeEventsAsync"/> returned.</param>
    /// <param name="bundleId">The batch's <c>bundle_id</c>.</param>
    /// <param name="countryCode">The sender's two-letter country, if the host knows it.</param>
    /// <returns>The source to ingest with, or why the batch is refused.</returns>
    public static IssueResult<IngestSource> SourceOf(AppInfo app, string? bundleId, string? countryCode = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.BundleId is not null && bundleId is null)
        {
            return IssueError.Invalid("bundle_id is required for this app");
        }

        if (app.BundleId is not null && bundleId != app.BundleId)
        {
            return IssueError.Forbidden("bundle_id does not match the app");
        }

        return new IngestSource(app.Id, app.ProjectId, app.Platform, countryCode);
    }

    /// <summary>The app <paramref name="actor"/> may reserve and upload attachments for: the permission first, then its app.</summary>
    /// <param name="actor">The caller.</param>
    /// <returns>The app id, or a forbidden refusal.</returns>
    public static IssueResult<Guid> AuthorizeAttachments(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return !actor.Has(IssuePermissions.EventsWrite) ? IssueError.MissingPermission(IssuePermissions.EventsWrite)
            : actor.Kind == ActorKind.Client && actor.AppId is { } appId ? appId
            : IssueError.Forbidden(AttachmentsClientKeyRequired);
    }
}
