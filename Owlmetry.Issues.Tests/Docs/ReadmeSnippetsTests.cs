namespace Owlmetry.Issues.Tests.Docs;

/// <summary>
/// The READMEs' C# blocks (the repository's and each package's) are the samples' code: each is marked with the sample
/// region it shows and must equal it, so a block cannot use a name the samples (built and tested in this solution) do
/// not define. After changing a sample, <c>OWLMETRY_UPDATE_SNIPPETS=1 dotnet test Owlmetry.sln --filter ReadmeSnippetsTests</c>
/// rewrites the blocks.
/// </summary>
public sealed class ReadmeSnippetsTests
{
    private static IEnumerable<TestCaseData> MarkedBlocks() =>
        Marked().Select((b, index) => new TestCaseData(index).SetArgDisplayNames(b.ToString()));

    private static IEnumerable<string> Readmes() => ReadmeSnippets.Readmes;

    [OneTimeSetUp]
    public void UpdateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(ReadmeSnippets.UpdateVariable) != "1")
        {
            return;
        }

        foreach (var readme in ReadmeSnippets.Readmes)
        {
            var path = ReadmeSnippets.PathOf(readme);
            File.WriteAllText(path, ReadmeSnippets.Render(readme, File.ReadAllText(path)));
        }
    }

    [TestCaseSource(nameof(MarkedBlocks))]
    public void Readme_MarkedBlock_EqualsItsSampleRegion(int index)
    {
        var current = Marked()[index];

        var region = ReadmeSnippets.Region(current.Path!, current.Region!);

        Assert.That(current.Text, Is.EqualTo(region),
            $"{current.Readme} line {current.Line} differs from {current}: set {ReadmeSnippets.UpdateVariable}=1 to rewrite it from the sample");
    }

    [TestCaseSource(nameof(Readmes))]
    public void Readme_EveryCSharpBlock_IsMarkedWithTheSampleRegionItShows(string readme)
    {
        var blocks = ReadmeSnippets.Blocks(readme, File.ReadAllText(ReadmeSnippets.PathOf(readme)));

        var unmarked = blocks.Where(b => b.Path is null).Select(b => b.ToString());

        Assert.That(blocks, Is.Not.Empty, $"{readme} shows no C# block");
        Assert.That(unmarked, Is.Empty,
            $"a ```csharp block of {readme} needs the line <!-- snippet: samples/X/File.cs#Region --> before it, naming a #region of a sample");
    }

    private static List<ReadmeSnippets.Block> Marked() =>
        [.. ReadmeSnippets.Readmes.SelectMany(readme => ReadmeSnippets.Blocks(readme, File.ReadAllText(ReadmeSnippets.PathOf(readme)))).Where(b => b.Path is not null)];
}
