using System.Globalization;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Storage.LiteDb.Keys;

/// <summary>
/// The composite string keys the indexes are built on. Every part is fixed-width lowercase hex, so the ordinal
/// order of a key is the order of its parts: an index range over a prefix is one issue's (or one list lane's)
/// rows, already sorted, and a keyset cursor is a bound inside that range.
/// </summary>
internal static partial class StorageKeys
{
    /// <summary>Sorts after every hex digit and separator: <c>prefix + RangeEnd</c> bounds a prefix range.</summary>
    public const string RangeEnd = "~";

    private const ulong SignBit = 0x8000_0000_0000_0000;

    /// <summary>
    /// A long as 16 hex digits whose ordinal order is the numeric order: flipping the sign bit maps
    /// long.MinValue..long.MaxValue onto 0..ulong.MaxValue, so times before 1970 still sort first.
    /// </summary>
    public static string Value(long value) => (unchecked((ulong)value) ^ SignBit).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The 32 lowercase hex digits of a guid, whose ordinal order is <see cref="Guid.CompareTo(Guid)"/>.</summary>
    public static string Id(Guid id) => id.ToString("N");

    public static string Time(DateTimeOffset time) => Value(time.ToUnixTimeMilliseconds());

    /// <summary>One list lane: the issues of one project on one side of the dev/prod split.</summary>
    public static string IssueLane(Guid projectId, bool isDev) => $"{Id(projectId)}|{(isDev ? '1' : '0')}|";

    public static string IssueSort(Guid projectId, bool isDev, KeysetKey key) => IssueLane(projectId, isDev) + Keyset(key);

    /// <summary>The issues of one lane in one status; <paramref name="appId"/> narrows it to one app's.</summary>
    public static string IssueStatusRange(Guid projectId, bool isDev, string status, Guid? appId = null) =>
        $"{IssueLane(projectId, isDev)}{status}|{(appId is { } app ? Id(app) + "|" : "")}";

    /// <summary>An issue under its lane, status and app: a status tab of a lane is one range, counted from the index alone.</summary>
    public static string IssueStatus(Guid projectId, bool isDev, string status, Guid appId, Guid issueId) =>
        IssueStatusRange(projectId, isDev, status, appId) + Id(issueId);

    /// <summary>The prefix of every row keyed under one issue.</summary>
    public static string Issue(Guid issueId) => Id(issueId) + "|";

    public static string IssueRow(Guid issueId, KeysetKey key) => Issue(issueId) + Keyset(key);

    public static string ClientEvent(Guid appId, Guid clientEventId) => $"{Id(appId)}|{Id(clientEventId)}";

    /// <summary>The client event id of a <see cref="ClientEvent"/> key.</summary>
    public static Guid ClientEventId(string clientEventKey) => Guid.ParseExact(clientEventKey.AsSpan(33), "N");

    public static string Fingerprint(FingerprintKey key) => $"{FingerprintsOfApp(key.AppId)}{(key.IsDev ? '1' : '0')}|{key.Hash}";

    /// <summary>The prefix of every fingerprint alias of one app, dev and prod.</summary>
    public static string FingerprintsOfApp(Guid appId) => $"{Id(appId)}|";

    private static string Keyset(KeysetKey key) => $"{Value(key.Value)}|{Id(key.Id)}";
}
