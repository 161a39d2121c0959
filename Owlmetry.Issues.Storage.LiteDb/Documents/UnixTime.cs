namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// Times are stored as UTC milliseconds since the epoch (a BSON int64): LiteDB's own date type would come back
/// as local time, and milliseconds are the precision the contract stores, sorts and pages on.
/// </summary>
internal static class UnixTime
{
    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToTime(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? ToTime(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
