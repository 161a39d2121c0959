namespace Owlmetry.Issues.Storage.LiteDb.Keys;

internal static partial class StorageKeys
{
    /// <summary>One event lane: the events of one project on one side of the dev/prod split, laid out as an issue lane.</summary>
    public static string EventLane(Guid projectId, bool isDev) => IssueLane(projectId, isDev);

    public static string EventRow(Guid projectId, bool isDev, KeysetKey key) => IssueSort(projectId, isDev, key);

    /// <summary>The lowest key of an event lane at <paramref name="time"/>: every event of that millisecond or later sorts at or above it.</summary>
    public static string EventLaneFrom(Guid projectId, bool isDev, DateTimeOffset time) => EventLane(projectId, isDev) + Time(time);

    /// <summary>The highest key of an event lane at <paramref name="time"/>: every event of that millisecond or earlier sorts at or below it.</summary>
    public static string EventLaneUntil(Guid projectId, bool isDev, DateTimeOffset time) => EventLane(projectId, isDev) + Time(time) + "|" + RangeEnd;

    /// <summary>The prefix of every row keyed under one team.</summary>
    public static string Team(Guid teamId) => Id(teamId) + "|";

    public static string TeamRow(Guid teamId, KeysetKey key) => Team(teamId) + Keyset(key);
}
