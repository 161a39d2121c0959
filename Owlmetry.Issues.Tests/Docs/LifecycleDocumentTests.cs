using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Docs;

public sealed class LifecycleDocumentTests
{
    private const string UpdateVariable = "OWLMETRY_UPDATE_DOCS";

    [Test]
    public void LifecycleDocument_MatchesStateMachine()
    {
        var path = Path.Combine(Repository.Root, "docs", "lifecycle.md");
        var expected = LifecycleDocument.Render();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : "(missing)";

        Assert.That(actual, Is.EqualTo(expected),
            $"docs/lifecycle.md is out of date with IssueLifecycle; regenerate it with {UpdateVariable}=1 dotnet test --filter LifecycleDocument");
    }
}
