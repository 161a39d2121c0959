using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="IssueOccurrence"/>. Every key starts with the occurrence's group, the issue
/// that recorded it (see <see cref="OccurrenceGroupDocument"/>), and is never rewritten (see
/// <see cref="OccurrenceKeys"/>). <see cref="Key"/>, the (group, session) pair, is the <c>_id</c>: the primary key
/// refuses a second occurrence of one session in one group, with no index of its own. <see cref="PageKey"/> is the
/// newest-first keyset order of the detail page; <see cref="UserKey"/> finds a group's users.
/// </summary>
internal sealed class OccurrenceDocument
{
    public byte[] Key { get; set; } = [];

    public Guid OccurrenceId { get; set; }

    public Guid SessionId { get; set; }

    public string? UserId { get; set; }

    public Guid? AppUserId { get; set; }

    public string? AppVersion { get; set; }

    public string? SdkName { get; set; }

    public string? SdkVersion { get; set; }

    public string? Environment { get; set; }

    public Guid EventId { get; set; }

    public string? CountryCode { get; set; }

    public long Timestamp { get; set; }

    public long CreatedAt { get; set; }

    public byte[] PageKey { get; set; } = [];

    /// <summary>
    /// (group, user, session): answers "has this user hit this issue before" for the unique-user count, and gives a
    /// group's sessions and users from the index alone.
    /// </summary>
    public byte[] UserKey { get; set; } = [];

    public static OccurrenceDocument From(IssueOccurrence occurrence) => new()
    {
        Key = OccurrenceKeys.Session(occurrence.IssueId, occurrence.SessionId),
        OccurrenceId = occurrence.Id,
        SessionId = occurrence.SessionId,
        UserId = occurrence.UserId,
        AppUserId = occurrence.AppUserId,
        AppVersion = occurrence.AppVersion,
        SdkName = occurrence.SdkName,
        SdkVersion = occurrence.SdkVersion,
        Environment = occurrence.Environment,
        EventId = occurrence.EventId,
        CountryCode = occurrence.CountryCode,
        Timestamp = UnixTime.From(occurrence.Timestamp),
        CreatedAt = UnixTime.From(occurrence.CreatedAt),
        PageKey = OccurrenceKeys.Page(occurrence.IssueId, KeysetKey.Of(occurrence)),
        UserKey = OccurrenceKeys.User(occurrence.IssueId, occurrence.UserId, occurrence.SessionId),
    };

    /// <summary>The occurrence as one of <paramref name="issueId"/>, which owns its group now.</summary>
    public IssueOccurrence ToOccurrence(Guid issueId) => new()
    {
        Id = OccurrenceId,
        IssueId = issueId,
        SessionId = SessionId,
        UserId = UserId,
        AppUserId = AppUserId,
        AppVersion = AppVersion,
        SdkName = SdkName,
        SdkVersion = SdkVersion,
        Environment = Environment,
        EventId = EventId,
        CountryCode = CountryCode,
        Timestamp = UnixTime.ToTime(Timestamp),
        CreatedAt = UnixTime.ToTime(CreatedAt),
    };
}
