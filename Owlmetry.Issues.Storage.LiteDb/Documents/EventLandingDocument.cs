using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The stored shape of an <see cref="EventLanding"/>; the id is the (app, client event id) key.</summary>
internal sealed class EventLandingDocument
{
    public string Id { get; set; } = "";

    public Guid AppId { get; set; }

    public Guid ClientEventId { get; set; }

    public Guid EventId { get; set; }

    public string FingerprintHash { get; set; } = "";

    public bool IsDev { get; set; }

    public long LandedAt { get; set; }

    public static EventLandingDocument From(EventLanding landing) => new()
    {
        Id = StorageKeys.ClientEvent(landing.AppId, landing.ClientEventId),
        AppId = landing.AppId,
        ClientEventId = landing.ClientEventId,
        EventId = landing.EventId,
        FingerprintHash = landing.FingerprintHash,
        IsDev = landing.IsDev,
        LandedAt = UnixTime.From(landing.LandedAt),
    };

    public EventLanding ToLanding() => new()
    {
        AppId = AppId,
        ClientEventId = ClientEventId,
        EventId = EventId,
        FingerprintHash = FingerprintHash,
        IsDev = IsDev,
        LandedAt = UnixTime.ToTime(LandedAt),
    };
}
