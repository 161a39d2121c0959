using System.Text.Json;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Notifications;

/// <summary>The notification payload of CONTRACT §9: what the outbox stores and what a webhook receives, byte for byte.</summary>
internal static class NotificationJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new UtcMillisecondsJsonConverter() },
    };

    /// <summary>The payload JSON of <paramref name="notification"/> (compact, snake_case).</summary>
    public static string Serialize(IssueNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return JsonSerializer.Serialize(notification, notification.GetType(), s_options);
    }

    /// <summary>The typed notification of a stored outbox entry.</summary>
    /// <exception cref="InvalidDataException">The entry's type is unknown or its payload does not parse.</exception>
    public static IssueNotification Deserialize(OutboxNotification entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            IssueNotification? notification = entry.Type switch
            {
                NotificationTypes.IssueNew => JsonSerializer.Deserialize<IssueNewNotification>(entry.Payload, s_options),
                NotificationTypes.IssueDigest => JsonSerializer.Deserialize<IssueDigestNotification>(entry.Payload, s_options),
                _ => throw new InvalidDataException($"Notification {entry.Id} has an unknown type '{entry.Type}'."),
            };
            return (notification ?? throw new InvalidDataException($"Notification {entry.Id} has an empty payload."))
                with { Id = entry.Id, CreatedAt = entry.CreatedAt };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Notification {entry.Id} has a payload that does not parse.", ex);
        }
    }
}
