namespace Owlmetry.Issues.Tests.Docs;

/// <summary>
/// The README's C# blocks are the samples' code: each is marked with the sample region it shows and must equal it, so
/// a block cannot use a name the samples (built and tested in this solution) do not define. After changing a sample,
/// <c>OWLMETRY_UPDATE_SNIPPETS=1 dotnet test Owlmetry.sln --filter ReadmeSnippetsTests</c> rewrites the blocks.
/// </summary>
public sealed class ReadmeSnippetsTests
{
    private static IEnumerable<TestCaseData> MarkedBlocks() =>
        Marked().Select((b, index) => new TestCaseData(index).SetArgDisplayNames(b.ToString()));

    [OneTimeSetUp]
    public void UpdateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(ReadmeSnippets.UpdateVariable) == "1")
        {
            var readme = File.ReadAllText(ReadmeSnippets.ReadmePath);
            File.WriteAllText(ReadmeSnippets.ReadmePath, ReadmeSnippets.Render(readme));
        }
    }

    [TestCaseSource(nameof(MarkedBlocks))]
    public void Readme_MarkedBlock_EqualsItsSampleRegion(int index)
    {
        var current = Marked()[index];

        var region = ReadmeSnippets.Region(current.Path!, current.Region!);

        Assert.That(current.Text, Is.EqualTo(region),
            $"README.md line {current.Line} differs from {current}: set {ReadmeSnippets.UpdateVariable}=1 to rewrite it from the sample");
    }

    [Test]
    public void Readme_EveryCSharpBlock_IsMarkedWithTheSampleRegionItShows()
    {
        var blocks = ReadmeSnippets.Blocks(File.ReadAllText(ReadmeSnippets.ReadmePath));

        var unmarked = blocks.Where(b => b.Path is null).Select(b => b.ToString());

        Assert.That(blocks, Is.Not.Empty);
        Assert.That(unmarked, Is.Empty,
            "a ```csharp block of the README needs the line <!-- snippet: samples/X/File.cs#Region --> before it, naming a #region of a sample");
    }

    private static List<ReadmeSnippets.Block> Marked() =>
        [.. ReadmeSnippets.Blocks(File.ReadAllText(ReadmeSnippets.ReadmePath)).Where(b => b.Path is not null)];
}
