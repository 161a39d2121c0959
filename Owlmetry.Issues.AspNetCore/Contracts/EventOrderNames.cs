namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>The wire names of the event list's <c>order</c> query parameter.</summary>
public static class EventOrderNames
{
    /// <summary>Newest first (the default).</summary>
    public const string Descending = "desc";

    /// <summary>Oldest first.</summary>
    public const string Ascending = "asc";

    /// <summary>Every valid value.</summary>
    public static IReadOnlyList<string> All { get; } = [Descending, Ascending];
}
