using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// A row's position in a descending keyset order: its sort value, then its id. Lists return the rows strictly
/// after a key, so paging never repeats or skips a row, even among equal sort values.
/// </summary>
/// <param name="Value">The sort value (milliseconds since the epoch for times, or a count).</param>
/// <param name="Id">The row id, the tie-break.</param>
public readonly record struct KeysetKey(long Value, Guid Id) : IComparable<KeysetKey>
{
    /// <summary>The key of an occurrence in the detail's newest-first order.</summary>
    public static KeysetKey Of(IssueOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return new KeysetKey(occurrence.Timestamp.ToUnixTimeMilliseconds(), occurrence.Id);
    }

    /// <summary>The key of a stored event in the event list's order: its timestamp, then its id.</summary>
    public static KeysetKey Of(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        return new KeysetKey(errorEvent.Timestamp.ToUnixTimeMilliseconds(), errorEvent.Id);
    }

    /// <summary>
    /// Ascending comparison: by value, then by id. <see cref="Guid.CompareTo(Guid)"/> orders ids as their
    /// lowercase hex text does, which is the order a provider gets from indexing the id as a string.
    /// </summary>
    public int CompareTo(KeysetKey other)
    {
        var byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : Id.CompareTo(other.Id);
    }

    /// <summary>Whether this key comes after <paramref name="cursor"/> in descending order.</summary>
    public bool IsAfter(KeysetKey? cursor) => cursor is not { } c || CompareTo(c) < 0;

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public static bool operator <(KeysetKey left, KeysetKey right) => left.CompareTo(right) < 0;

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public static bool operator >(KeysetKey left, KeysetKey right) => left.CompareTo(right) > 0;

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public static bool operator <=(KeysetKey left, KeysetKey right) => left.CompareTo(right) <= 0;

    /// <inheritdoc cref="IComparable{T}.CompareTo"/>
    public static bool operator >=(KeysetKey left, KeysetKey right) => left.CompareTo(right) >= 0;
}
