using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="ErrorEvent"/>. The primary key is the event's sequence, so the scan reads
/// pending events as one primary-key range after its checkpoint; <see cref="ListKey"/> orders the event lists.
/// </summary>
internal sealed class EventDocument
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public Guid AppId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid? ClientEventId { get; set; }

    public Guid SessionId { get; set; }

    public string Message { get; set; } = "";

    public string? UserId { get; set; }

    public string? SourceModule { get; set; }

    public string? ScreenName { get; set; }

    /// <summary>Pairs rather than a sub-document: attribute names are the SDK's and need not be valid field names.</summary>
    public List<EventAttribute> CustomAttributes { get; set; } = [];

    public string? Environment { get; set; }

    public string? OsVersion { get; set; }

    public string? AppVersion { get; set; }

    public string? SdkName { get; set; }

    public string? SdkVersion { get; set; }

    public string? BuildNumber { get; set; }

    public string? DeviceModel { get; set; }

    public bool IsDev { get; set; }

    public string? CountryCode { get; set; }

    public long Timestamp { get; set; }

    public long ReceivedAt { get; set; }

    /// <summary><c>project|dev|timestamp|event id</c>: each (project, dev/prod) lane of the event lists is one range, in time order.</summary>
    public string ListKey { get; set; } = "";

    public static EventDocument From(ErrorEvent e, long sequence) => new()
    {
        ListKey = StorageKeys.EventRow(e.ProjectId, e.IsDev, KeysetKey.Of(e)),
        Id = sequence,
        EventId = e.Id,
        AppId = e.AppId,
        ProjectId = e.ProjectId,
        ClientEventId = e.ClientEventId,
        SessionId = e.SessionId,
        Message = e.Message,
        UserId = e.UserId,
        SourceModule = e.SourceModule,
        ScreenName = e.ScreenName,
        CustomAttributes = e.CustomAttributes.Select(a => new EventAttribute { Key = a.Key, Value = a.Value }).ToList(),
        Environment = e.Environment,
        OsVersion = e.OsVersion,
        AppVersion = e.AppVersion,
        SdkName = e.SdkName,
        SdkVersion = e.SdkVersion,
        BuildNumber = e.BuildNumber,
        DeviceModel = e.DeviceModel,
        IsDev = e.IsDev,
        CountryCode = e.CountryCode,
        Timestamp = UnixTime.From(e.Timestamp),
        ReceivedAt = UnixTime.From(e.ReceivedAt),
    };

    public ErrorEvent ToEvent() => new()
    {
        Id = EventId,
        Sequence = Id,
        AppId = AppId,
        ProjectId = ProjectId,
        ClientEventId = ClientEventId,
        SessionId = SessionId,
        Message = Message,
        UserId = UserId,
        SourceModule = SourceModule,
        ScreenName = ScreenName,
        CustomAttributes = CustomAttributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
        Environment = Environment,
        OsVersion = OsVersion,
        AppVersion = AppVersion,
        SdkName = SdkName,
        SdkVersion = SdkVersion,
        BuildNumber = BuildNumber,
        DeviceModel = DeviceModel,
        IsDev = IsDev,
        CountryCode = CountryCode,
        Timestamp = UnixTime.ToTime(Timestamp),
        ReceivedAt = UnixTime.ToTime(ReceivedAt),
    };
}
