using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The query string of the event list, as the reference's clients send it, taken as text so that bad values get our own 400.</summary>
internal sealed partial class EventListParameters
{
    private static readonly Dictionary<char, TimeSpan> s_units = new()
    {
        ['s'] = TimeSpan.FromSeconds(1), ['m'] = TimeSpan.FromMinutes(1), ['h'] = TimeSpan.FromHours(1),
        ['d'] = TimeSpan.FromDays(1), ['w'] = TimeSpan.FromDays(7),
    };

    [FromQuery(Name = "team_id")]
    public string? TeamId { get; init; }

    [FromQuery(Name = "project_id")]
    public string? ProjectId { get; init; }

    [FromQuery(Name = "app_id")]
    public string? AppId { get; init; }

    /// <summary>One level or a comma-separated list.</summary>
    [FromQuery(Name = "level")]
    public string? Level { get; init; }

    [FromQuery(Name = "user_id")]
    public string? UserId { get; init; }

    [FromQuery(Name = "session_id")]
    public string? SessionId { get; init; }

    [FromQuery(Name = "environment")]
    public string? Environment { get; init; }

    [FromQuery(Name = "screen_name")]
    public string? ScreenName { get; init; }

    /// <summary>A relative time (<c>30m</c>, <c>1h</c>, <c>7d</c>…) back from now, or an ISO 8601 time.</summary>
    [FromQuery(Name = "since")]
    public string? Since { get; init; }

    /// <summary>As <see cref="Since"/>.</summary>
    [FromQuery(Name = "until")]
    public string? Until { get; init; }

    [FromQuery(Name = "data_mode")]
    public string? DataMode { get; init; }

    /// <summary><c>desc</c> (newest first, the default) or <c>asc</c>.</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    public IssueResult<EventQuery> Parse(DateTimeOffset now)
    {
        var teamId = QueryValues.ParseGuid(TeamId, "team_id");
        var projectId = QueryValues.ParseGuid(ProjectId, "project_id");
        var appId = QueryValues.ParseGuid(AppId, "app_id");
        var sessionId = QueryValues.ParseGuid(SessionId, "session_id");
        var since = ParseTime(Since, "since", now);
        var until = ParseTime(Until, "until", now);
        var levels = ParseLevels(Level);
        if ((teamId.Error ?? projectId.Error ?? appId.Error ?? sessionId.Error ?? since.Error ?? until.Error ?? levels.Error) is { } invalid)
        {
            return invalid;
        }

        Issues.Querying.DataMode? dataMode = null;
        if (!string.IsNullOrEmpty(DataMode))
        {
            if (!WireNames.TryParse<DataMode>(DataMode, out var parsed))
            {
                return IssueError.Invalid($"Invalid data_mode; valid values: {string.Join(", ", WireNames.All<DataMode>())}");
            }

            dataMode = parsed;
        }

        var order = EventOrder.NewestFirst;
        if (!string.IsNullOrEmpty(Order) && !WireNames.TryParse(Order, out order))
        {
            return IssueError.Invalid($"Invalid order; valid values: {string.Join(", ", WireNames.All<EventOrder>())}");
        }

        return new EventQuery
        {
            TeamId = teamId.Value,
            ProjectId = projectId.Value,
            AppId = appId.Value,
            Levels = levels.Value,
            SessionId = sessionId.Value,
            UserId = NullIfEmpty(UserId),
            Environment = NullIfEmpty(Environment),
            ScreenName = NullIfEmpty(ScreenName),
            Since = since.Value,
            Until = until.Value,
            DataMode = dataMode,
            Order = order,
            Cursor = NullIfEmpty(Cursor),
            Limit = QueryValues.ParseLimit(Limit),
        };
    }

    /// <summary>The reference's levels list: an unknown level is refused, naming it, rather than silently matching nothing.</summary>
    private static IssueResult<IReadOnlyCollection<string>?> ParseLevels(string? value)
    {
        var levels = (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = levels.Where(level => !EventRules.Levels.Contains(level)).ToList();
        if (unknown.Count > 0)
        {
            return IssueError.Invalid($"Unknown log level(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", EventRules.Levels)}");
        }

        return IssueResult<IReadOnlyCollection<string>?>.Success(levels.Length == 0 ? null : levels);
    }

    private static IssueResult<DateTimeOffset?> ParseTime(string? value, string name, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IssueResult<DateTimeOffset?>.Success(null);
        }

        if (RelativeTime().Match(value) is { Success: true } relative
            && long.TryParse(relative.Groups["amount"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount <= (now - DateTimeOffset.MinValue).Ticks / s_units[relative.Groups["unit"].Value[0]].Ticks)
        {
            return now - TimeSpan.FromTicks(s_units[relative.Groups["unit"].Value[0]].Ticks * amount);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : IssueError.Invalid($"Invalid {name}: use a relative time (e.g. 30m, 1h, 7d) or an ISO 8601 time");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"^(?<amount>\d{1,18})(?<unit>[smhdw])\z", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();
}
