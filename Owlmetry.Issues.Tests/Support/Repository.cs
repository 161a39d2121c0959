namespace Owlmetry.Issues.Tests.Support;

/// <summary>The clone the tests were built from.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>Owlmetry.sln</c>, found above the test output.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Owlmetry.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Owlmetry.sln not found above the test directory.");
        }
    }

    /// <summary>The configuration the tests were built in (Debug or Release), from the output folder <c>bin/CONFIG/TFM</c>.</summary>
    public static string Configuration => new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
}
