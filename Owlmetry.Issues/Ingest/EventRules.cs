using System.Globalization;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Ingest;

/// <summary>
/// The validation of one ingested event (CONTRACT §6): required fields, bounded lengths, environments allowed
/// per platform, a plausible timestamp, and attribute values cut rather than refused. A NUL character in the event's
/// text is replaced rather than refused (<see cref="StoredText"/>): the error an app reports is kept.
/// </summary>
public static class EventRules
{
    /// <summary>The most events one batch may carry.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>The longest message.</summary>
    public const int MaxMessageLength = 10_000;

    /// <summary>The most custom attributes one event may carry.</summary>
    public const int MaxAttributes = 100;

    /// <summary>The longest custom attribute key; a longer (or empty) key is refused.</summary>
    public const int MaxAttributeKeyLength = 100;

    private const int MaxAttributeValueLength = 200;
    private const int MaxErrorStackLength = 16_000;
    private const string ErrorStackAttribute = "_error_stack";
    private static readonly TimeSpan s_maxFuture = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_maxPast = TimeSpan.FromDays(30);
    private static readonly string[] s_levels = ["info", "debug", "warn", "error"];

    private static readonly Dictionary<string, string[]> s_environments = new(StringComparer.Ordinal)
    {
        ["apple"] = ["ios", "ipados", "macos", "watchos"],
        ["android"] = ["android"],
        ["web"] = ["web"],
        ["backend"] = ["backend"],
    };

    private static readonly Dictionary<string, int> s_maxLengths = new(StringComparer.Ordinal)
    {
        ["user_id"] = 255, ["source_module"] = 255, ["screen_name"] = 255, ["os_version"] = 50, ["app_version"] = 50,
        ["sdk_name"] = 50, ["sdk_version"] = 50, ["build_number"] = 50, ["device_model"] = 100,
    };

    /// <summary>The longest value of each bounded text field of an event, by its wire name; a longer value is refused.</summary>
    public static IReadOnlyDictionary<string, int> MaxLengths => s_maxLengths;

    /// <summary>Every environment an event may name; each app platform allows some of them (<see cref="AllowsEnvironment"/>).</summary>
    public static IReadOnlyList<string> Environments { get; } = [.. s_environments.Values.SelectMany(e => e)];

    /// <summary>The level of error events, the only ones kept for the scan.</summary>
    public const string ErrorLevel = "error";

    /// <summary>The levels an event may have: <c>info</c>, <c>debug</c>, <c>warn</c> and <c>error</c>.</summary>
    public static IReadOnlyList<string> Levels => s_levels;

    /// <summary>Validates <paramref name="incoming"/> and builds the event it stands for.</summary>
    /// <returns>The accepted event, or an invalid-input error naming the field.</returns>
    internal static IssueResult<AcceptedEvent> Validate(IncomingEvent incoming, IngestSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(source);
        if (incoming.ShapeError is { } shapeError)
        {
            return IssueError.Invalid(shapeError);
        }

        if (string.IsNullOrEmpty(incoming.Message))
        {
            return IssueError.Invalid("message is required");
        }

        if (incoming.Message.Length > MaxMessageLength)
        {
            return IssueError.Invalid($"message must be at most {MaxMessageLength} characters");
        }

        if (incoming.Level is null || !s_levels.Contains(incoming.Level))
        {
            return IssueError.Invalid($"level must be one of: {string.Join(", ", s_levels)}");
        }

        if (!Guid.TryParse(incoming.SessionId, out var sessionId))
        {
            return IssueError.Invalid("session_id must be a UUID");
        }

        Guid? clientEventId = null;
        if (incoming.ClientEventId is not null)
        {
            if (!Guid.TryParse(incoming.ClientEventId, out var parsed))
            {
                return IssueError.Invalid("client_event_id must be a UUID");
            }

            clientEventId = parsed;
        }

        var tooLong = FirstTooLong(
            ("user_id", incoming.UserId), ("source_module", incoming.SourceModule), ("screen_name", incoming.ScreenName),
            ("os_version", incoming.OsVersion), ("app_version", incoming.AppVersion), ("sdk_name", incoming.SdkName),
            ("sdk_version", incoming.SdkVersion), ("build_number", incoming.BuildNumber), ("device_model", incoming.DeviceModel));
        if (tooLong is not null)
        {
            return IssueError.Invalid(tooLong);
        }

        if (incoming.Environment is not null && !AllowsEnvironment(source.Platform, incoming.Environment))
        {
            return IssueError.Invalid($"environment '{incoming.Environment}' is not allowed for platform '{source.Platform}'");
        }

        var attributes = CutAttributes(incoming.CustomAttributes);
        if (!attributes.IsSuccess)
        {
            return attributes.Error;
        }

        var timestamp = ParseTimestamp(incoming.Timestamp, now);
        if (!timestamp.IsSuccess)
        {
            return timestamp.Error;
        }

        var accepted = new ErrorEvent
        {
            Id = TimeOrderedIds.New(now),
            AppId = source.AppId,
            ProjectId = source.ProjectId,
            ClientEventId = clientEventId,
            SessionId = sessionId,
            Message = StoredText.WithoutNul(incoming.Message)!,
            UserId = StoredText.WithoutNul(incoming.UserId),
            SourceModule = StoredText.WithoutNul(incoming.SourceModule),
            ScreenName = StoredText.WithoutNul(incoming.ScreenName),
            CustomAttributes = attributes.Value,
            Environment = incoming.Environment,
            OsVersion = StoredText.WithoutNul(incoming.OsVersion),
            AppVersion = StoredText.WithoutNul(incoming.AppVersion),
            SdkName = StoredText.WithoutNul(incoming.SdkName),
            SdkVersion = StoredText.WithoutNul(incoming.SdkVersion),
            BuildNumber = StoredText.WithoutNul(incoming.BuildNumber),
            DeviceModel = StoredText.WithoutNul(incoming.DeviceModel),
            IsDev = incoming.IsDev ?? false,
            CountryCode = source.CountryCode,
            Timestamp = timestamp.Value,
            ReceivedAt = now,
        };
        return new AcceptedEvent(incoming.Level, accepted);
    }

    /// <summary>Whether <paramref name="environment"/> is allowed for apps of <paramref name="platform"/>.</summary>
    public static bool AllowsEnvironment(string platform, string environment) =>
        s_environments.TryGetValue(platform, out var allowed) && allowed.Contains(environment);

    private static string? FirstTooLong(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value?.Length > s_maxLengths[f.Name]).Select(f => $"{f.Name} must be at most {s_maxLengths[f.Name]} characters").FirstOrDefault();

    private static IssueResult<IReadOnlyDictionary<string, string>> CutAttributes(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        if (attributes.Count > MaxAttributes)
        {
            return IssueError.Invalid($"custom_attributes may have at most {MaxAttributes} entries");
        }

        if (attributes.Keys.FirstOrDefault(k => k.Length is 0 or > MaxAttributeKeyLength) is { } badKey)
        {
            return IssueError.Invalid($"custom_attributes keys must be 1..{MaxAttributeKeyLength} characters ('{badKey[..Math.Min(badKey.Length, 20)]}')");
        }

        // A key is a name the app chose, and two keys could become one if replaced.
        if (attributes.Keys.Any(StoredText.ContainsNul))
        {
            return StoredText.NulRefused("custom_attributes keys");
        }

        return attributes.ToDictionary(
            a => a.Key,
            a => Cut(StoredText.WithoutNul(a.Value)!, a.Key == ErrorStackAttribute ? MaxErrorStackLength : MaxAttributeValueLength),
            StringComparer.Ordinal);
    }

    private static string Cut(string value, int max) =>
        value.Length <= max ? value : value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];

    private static IssueResult<DateTimeOffset> ParseTimestamp(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return now;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return IssueError.Invalid("timestamp must be an ISO-8601 date-time");
        }

        timestamp = timestamp.TruncateToMilliseconds();
        if (timestamp > now + s_maxFuture)
        {
            return IssueError.Invalid("timestamp is more than 5 minutes in the future");
        }

        return timestamp < now - s_maxPast ? IssueError.Invalid("timestamp is more than 30 days in the past") : timestamp;
    }
}
