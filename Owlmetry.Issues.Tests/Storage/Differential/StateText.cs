using System.Globalization;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>How values read from a side are written in state fields and outcomes: short, unambiguous, culture-free.</summary>
internal static class StateText
{
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "-";

    public static string Text(string? text) => text is null ? "-" : $"\"{text}\"";

    public static string Error(IssueError error) => $"{error.Kind}: {error.Message}";

    public static string Outcome<T>(IssueResult<T> result, Func<T, string> describe) =>
        result.IsSuccess ? $"ok: {describe(result.Value)}" : Error(result.Error);

    public static bool IsRefusal(string outcome) => !outcome.StartsWith("ok", StringComparison.Ordinal);

    public static string SortValue(IssueSort sort, long value) => sort is IssueSort.Occurrences or IssueSort.Users
        ? value.ToString(CultureInfo.InvariantCulture)
        : Time(DateTimeOffset.FromUnixTimeMilliseconds(value));
}
