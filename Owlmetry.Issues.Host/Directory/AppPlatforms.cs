namespace Owlmetry.Issues.Host.Directory;

public static class AppPlatforms
{
    public const string Backend = "backend";

    public static IReadOnlyList<string> All { get; } = ["apple", "android", "web", Backend];
}
