namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class IndexNames
{
    public const string EventsId = "ux_events_event_id";
    public const string EventsList = "ux_events_list";
    public const string ScanRunsTeam = "ix_scan_runs_team";
}
