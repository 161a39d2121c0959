namespace Owlmetry.Issues.Notifications;

/// <summary>The human readable <c>title</c> and <c>body</c> of notifications.</summary>
internal static class NotificationText
{
    private const int ListedTitles = 3;

    /// <summary><c>1 new issue</c>, <c>2 new issues, 1 regressed</c>, <c>3 regressed issues</c>.</summary>
    public static string Counts(int newCount, int regressedCount) => (newCount, regressedCount) switch
    {
        ( > 0, > 0) => $"{Plural(newCount, "new issue")}, {regressedCount} regressed",
        ( > 0, _) => Plural(newCount, "new issue"),
        _ => Plural(regressedCount, "regressed issue"),
    };

    /// <summary>Up to three titles, one per line, then <c>+N more</c> for the rest.</summary>
    public static string Body(IReadOnlyCollection<string> titles)
    {
        var lines = titles.Take(ListedTitles).ToList();
        if (titles.Count > ListedTitles)
        {
            lines.Add($"+{titles.Count - ListedTitles} more");
        }

        return string.Join('\n', lines);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
