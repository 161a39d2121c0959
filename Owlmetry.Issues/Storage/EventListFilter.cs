using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>Which stored events a store lists: those of the given projects, narrowed by the optional filters.</summary>
/// <param name="ProjectIds">The projects to list; an empty set lists nothing.</param>
/// <param name="IsDev">Development events only (true), production only (false), or both (null).</param>
/// <param name="AppId">Only events of this app.</param>
/// <param name="SessionId">Only events of this SDK session.</param>
/// <param name="UserId">Only events of this end user.</param>
/// <param name="Environment">Only events of this runtime environment.</param>
/// <param name="ScreenName">Only events raised on this screen.</param>
/// <param name="Since">Only events whose timestamp is this or later (to the millisecond, as timestamps are stored).</param>
/// <param name="Until">Only events whose timestamp is this or earlier (to the millisecond).</param>
public sealed record EventListFilter(
    IReadOnlyCollection<Guid> ProjectIds,
    bool? IsDev = null,
    Guid? AppId = null,
    Guid? SessionId = null,
    string? UserId = null,
    string? Environment = null,
    string? ScreenName = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null)
{
    /// <summary>Whether <paramref name="errorEvent"/> passes the filter.</summary>
    public bool Matches(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        return ProjectIds.Contains(errorEvent.ProjectId)
            && (IsDev is not { } isDev || errorEvent.IsDev == isDev)
            && (AppId is not { } appId || errorEvent.AppId == appId)
            && (SessionId is not { } sessionId || errorEvent.SessionId == sessionId)
            && (UserId is null || errorEvent.UserId == UserId)
            && (Environment is null || errorEvent.Environment == Environment)
            && (ScreenName is null || errorEvent.ScreenName == ScreenName)
            && (Since is not { } since || errorEvent.Timestamp.ToUnixTimeMilliseconds() >= since.ToUnixTimeMilliseconds())
            && (Until is not { } until || errorEvent.Timestamp.ToUnixTimeMilliseconds() <= until.ToUnixTimeMilliseconds());
    }
}
