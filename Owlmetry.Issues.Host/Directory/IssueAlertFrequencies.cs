namespace Owlmetry.Issues.Host.Directory;

public static class IssueAlertFrequencies
{
    public const string Default = "daily";

    public static IReadOnlyList<string> All { get; } = ["none", "hourly", "6_hourly", Default, "weekly"];

    public static string Effective(string? stored) => stored ?? Default;
}
