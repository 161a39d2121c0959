using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> of the library packages, from the build these tests run on (no restore, no build), into a
/// folder of its own; each .nupkg (a zip) is read for what nuget.org shows of a package.
/// </summary>
[Category("Pack")]
public sealed class PackageMetadataTests
{
    private const string RepositoryUrl = "https://github.com/owlmetry/owlmetry-issues-dotnet";
    private static readonly string[] s_packages = ["Owlmetry.Issues", "Owlmetry.Issues.Storage.LiteDb", "Owlmetry.Issues.Storage.PostgreSql", "Owlmetry.Issues.AspNetCore", "Owlmetry.Issues.Contracts", "Owlmetry.Issues.Client", "Owlmetry.Issues.WebConsole"];
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(2);
    private readonly TempFolder _output = new();

    [OneTimeSetUp]
    public async Task PackTheLibraries()
    {
        var clock = Stopwatch.StartNew();
        foreach (var package in s_packages)
        {
            using var pack = ChildProcess.StartDotnet(
                ["pack", Path.Combine(Repository.Root, package, package + ".csproj"), "-c", Repository.Configuration, "--no-build", "-o", _output.Path],
                Repository.Root);
            var exit = await pack.WaitForExitAsync(s_packTimeout, $"dotnet pack {package}");
            Assert.That(exit, Is.Zero, $"dotnet pack {package} failed:\n{pack.Describe()}");
        }

        TestContext.Progress.WriteLine($"Packed {string.Join(" and ", s_packages)} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void RemovePackages() => _output.Dispose();

    [TestCaseSource(nameof(s_packages))]
    public void Pack_Library_CarriesReadmeLicenseRepositoryDescriptionAndTags(string package)
    {
        using var nupkg = ZipFile.OpenRead(Nupkg(package));

        var nuspec = Nuspec(nupkg, package);
        Assert.Multiple(() =>
        {
            Assert.That(Element(nuspec, "id")?.Value, Is.EqualTo(package));
            Assert.That(Element(nuspec, "readme")?.Value, Is.EqualTo("README.md"));
            Assert.That(Element(nuspec, "license")?.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(Element(nuspec, "license")?.Value, Is.EqualTo("MIT"));
            Assert.That(Element(nuspec, "repository")?.Attribute("type")?.Value, Is.EqualTo("git"));
            Assert.That(Element(nuspec, "repository")?.Attribute("url")?.Value, Is.EqualTo(RepositoryUrl));
            Assert.That(Element(nuspec, "projectUrl")?.Value, Is.EqualTo(RepositoryUrl));
            Assert.That(Element(nuspec, "description")?.Value, Has.Length.GreaterThan(40));
            Assert.That(Element(nuspec, "tags")?.Value.Split(' '), Does.Contain("owlmetry").And.Contain("error-tracking"));
            Assert.That(Element(nuspec, "authors")?.Value, Is.Not.Empty);
        });
        var readme = nupkg.GetEntry("README.md");
        Assert.That(readme, Is.Not.Null, "README.md at the package's root");
        using var reader = new StreamReader(readme!.Open());
        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(Path.Combine(Repository.Root, package, "README.md"))), "the project's README.md");
        Assert.That(nupkg.GetEntry($"lib/net10.0/{package}.dll"), Is.Not.Null, "the assembly");
        Assert.That(nupkg.GetEntry($"lib/net10.0/{package}.xml"), Is.Not.Null, "its XML documentation");
    }

    [TestCaseSource(nameof(s_packages))]
    public void Pack_Library_VersionFromGitAndSymbolsPackageBesideIt(string package)
    {
        using var nupkg = ZipFile.OpenRead(Nupkg(package));

        var version = Element(Nuspec(nupkg, package), "version")?.Value;

        // MinVer's version: a SemVer 2 version from the nearest v-tag, or 0.1.0-alpha.0.<height> without one. The
        // SDK's 1.0.0 would mean MinVer did not run.
        Assert.That(version, Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$").And.Not.EqualTo("1.0.0"));
        Assert.That(Path.GetFileName(Nupkg(package)), Is.EqualTo($"{package}.{version}.nupkg"));
        var symbols = Path.Combine(_output.Path, $"{package}.{version}.snupkg");
        Assert.That(File.Exists(symbols), Is.True, $"{Path.GetFileName(symbols)} beside the package");
        using var snupkg = ZipFile.OpenRead(symbols);
        Assert.That(snupkg.GetEntry($"lib/net10.0/{package}.pdb"), Is.Not.Null, "the portable PDB in the symbols package");
    }

    [TestCaseSource(nameof(s_packages))]
    public void Pack_Library_DependsOnExactlyItsOwnVersionOfEveryFirstPartyPackage(string package)
    {
        using var nupkg = ZipFile.OpenRead(Nupkg(package));
        var nuspec = Nuspec(nupkg, package);
        var version = Element(nuspec, "version")?.Value;

        // The packages see Owlmetry.Issues' internals, so a newer Owlmetry.Issues beside an older AspNetCore package
        // could fail at run time: NuGet must refuse that mix. "[v]" is an exact version, "v" would be a minimum.
        var firstParty = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Where(d => d.Attribute("id")!.Value.StartsWith("Owlmetry.", StringComparison.Ordinal))
            .Select(d => (Id: d.Attribute("id")!.Value, Version: d.Attribute("version")?.Value))
            .ToList();
        Assert.That(firstParty, Is.All.Matches<(string Id, string? Version)>(d => d.Version == $"[{version}]"),
            $"{package} {version} depends on {string.Join(", ", firstParty.Select(d => $"{d.Id} {d.Version}"))}");
    }

    private string Nupkg(string package)
    {
        // Owlmetry.Issues.*.nupkg matches the storage package too: the id is followed by the version's first digit.
        var found = Directory.GetFiles(_output.Path, $"{package}.*.nupkg")
            .Where(f => Regex.IsMatch(Path.GetFileName(f), $@"^{Regex.Escape(package)}\.\d"))
            .ToArray();
        Assert.That(found, Has.Length.EqualTo(1), $"one {package} package in {_output.Path}");
        return found[0];
    }

    private static XElement Nuspec(ZipArchive nupkg, string package)
    {
        var entry = nupkg.GetEntry($"{package}.nuspec");
        Assert.That(entry, Is.Not.Null, "the .nuspec at the package's root");
        using var stream = entry!.Open();
        return XDocument.Load(stream).Root!;
    }

    private static XElement? Element(XElement nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
}
