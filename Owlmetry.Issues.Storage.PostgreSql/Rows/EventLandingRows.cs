using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>event_landings</c> row of an <see cref="EventLanding"/>.</summary>
internal static class EventLandingRows
{
    public const string Columns = "app_id, client_event_id, event_id, fingerprint_hash, is_dev, landed_at";

    public static NpgsqlParameter[] Values(EventLanding landing) =>
    [
        Param.Id(landing.AppId), Param.Id(landing.ClientEventId), Param.Id(landing.EventId), Param.Text(landing.FingerprintHash),
        Param.Of(landing.IsDev), Param.Time(landing.LandedAt),
    ];

    public static EventLanding Read(NpgsqlDataReader row) => new()
    {
        AppId = row.GetGuid(0),
        ClientEventId = row.GetGuid(1),
        EventId = row.GetGuid(2),
        FingerprintHash = row.GetString(3),
        IsDev = row.GetBoolean(4),
        LandedAt = row.Time(5),
    };
}
