namespace Owlmetry.Issues.Tests.Support;

/// <summary>Fixed ids the builders default to, so that rows built without care land in one project and app.</summary>
internal static class TestIds
{
    public static readonly Guid Project = Guid.Parse("0b8e6d4e-4c1d-4d5e-9a43-2f1c8f0a0001");
    public static readonly Guid OtherProject = Guid.Parse("0b8e6d4e-4c1d-4d5e-9a43-2f1c8f0a0002");
    public static readonly Guid App = Guid.Parse("a1a1a1a1-0000-4000-8000-000000000001");
    public static readonly Guid OtherApp = Guid.Parse("a1a1a1a1-0000-4000-8000-000000000002");
}
