using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Events;

/// <summary>
/// The filters and page of an event list. Without <see cref="TeamId"/> or <see cref="ProjectId"/> it covers every
/// project of the actor's teams; a team, project or app the actor cannot see lists nothing.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Only events of this team's projects.</summary>
    public Guid? TeamId { get; init; }

    /// <summary>Only events of this project.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Only events of this app.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Only events of these levels (see <see cref="EventRules.Levels"/>); null or empty for all.</summary>
    public IReadOnlyCollection<string>? Levels { get; init; }

    /// <summary>Only events of this SDK session.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>Only events of this end user.</summary>
    public string? UserId { get; init; }

    /// <summary>Only events of this runtime environment.</summary>
    public string? Environment { get; init; }

    /// <summary>Only events raised on this screen.</summary>
    public string? ScreenName { get; init; }

    /// <summary>Only events whose timestamp is this or later.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events whose timestamp is this or earlier.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Production, development or all events; production when null, as in the reference.</summary>
    public DataMode? DataMode { get; init; }

    /// <summary>Newest first (the default) or oldest first.</summary>
    public EventOrder Order { get; init; }

    /// <summary>The cursor returned with the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>The page size, clamped to 1..200; 50 when null.</summary>
    public int? Limit { get; init; }
}
