using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Events;

/// <summary>The order of an event list, by timestamp and then id. Wire names: <c>desc</c>, <c>asc</c>.</summary>
public enum EventOrder
{
    /// <summary>Newest first (the default).</summary>
    [JsonStringEnumMemberName("desc")]
    NewestFirst,

    /// <summary>Oldest first: a session's events as they happened.</summary>
    [JsonStringEnumMemberName("asc")]
    OldestFirst,
}
