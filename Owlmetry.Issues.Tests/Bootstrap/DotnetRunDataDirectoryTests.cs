using System.Text.Json.Nodes;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Bootstrap;

/// <summary>
/// <c>dotnet run --project Owlmetry.Issues.Host</c>, as the README runs it, from a folder outside the project: the
/// data directory is resolved against that folder, not the project's (the Web SDK's default working directory for
/// <c>dotnet run</c>). <c>init</c> stands in for the server: it resolves the data directory the same way and exits.
/// </summary>
[Category("Slow")]
public sealed class DotnetRunDataDirectoryTests
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task DotnetRun_NothingConfigured_DataDirectoryIsOwlmetryDataInTheFolderItRanFrom()
    {
        using var folder = new TempFolder();

        var credentials = await InitAsync(folder.Path, [], new Dictionary<string, string?> { ["OWLMETRY_DATA_DIR"] = null });

        Assert.That(credentials, Is.EqualTo(folder.File(Path.Combine("owlmetry-data", DirectoryBootstrapper.CredentialsFileName))));
    }

    [Test]
    public async Task DotnetRun_RelativeDataOption_ResolvedAgainstTheFolderItRanFrom()
    {
        using var folder = new TempFolder();

        var credentials = await InitAsync(folder.Path, ["--data", "from-option"], new Dictionary<string, string?> { ["OWLMETRY_DATA_DIR"] = "from-environment" });

        Assert.That(credentials, Is.EqualTo(folder.File(Path.Combine("from-option", DirectoryBootstrapper.CredentialsFileName))));
    }

    [Test]
    public async Task DotnetRun_RelativeDataEnvironmentVariable_ResolvedAgainstTheFolderItRanFrom()
    {
        using var folder = new TempFolder();

        var credentials = await InitAsync(folder.Path, [], new Dictionary<string, string?> { ["OWLMETRY_DATA_DIR"] = "from-environment" });

        Assert.That(credentials, Is.EqualTo(folder.File(Path.Combine("from-environment", DirectoryBootstrapper.CredentialsFileName))));
    }

    /// <returns>The one credentials file found under <paramref name="folder"/> after init succeeded.</returns>
    private static async Task<string> InitAsync(string folder, string[] initArguments, IReadOnlyDictionary<string, string?> environment)
    {
        var project = Path.Combine(Repository.Root, "Owlmetry.Issues.Host", "Owlmetry.Issues.Host.csproj");
        using var run = ChildProcess.StartDotnet(
            ["run", "--project", project, "--no-build", "-c", Repository.Configuration, "--", "init", "--json", .. initArguments],
            folder,
            environment);

        var exit = await run.WaitForExitAsync(s_runTimeout, "dotnet run -- init");

        Assert.That(exit, Is.Zero, $"init failed:\n{run.Describe()}");
        Assert.That(JsonNode.Parse(string.Join('\n', run.Lines))?["team_id"], Is.Not.Null, run.Describe());
        var written = Directory.GetFiles(folder, DirectoryBootstrapper.CredentialsFileName, SearchOption.AllDirectories);
        Assert.That(written, Has.Length.EqualTo(1), "one credentials file in the folder the command ran from");
        return written[0];
    }
}
