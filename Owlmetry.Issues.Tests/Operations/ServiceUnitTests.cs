using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary><c>deploy/owlmetry.service</c> is a unit systemd accepts without a warning, where <c>systemd-analyze</c> is installed.</summary>
public sealed class ServiceUnitTests
{
    private const string InstalledBinary = "/opt/owlmetry/Owlmetry.Issues.Host";

    [Test]
    public async Task SystemdAnalyzeVerify_ServiceUnit_AcceptsItWithoutWarnings()
    {
        var analyzer = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        Assume.That(analyzer, Is.Not.Null, "systemd-analyze is not installed here");
        using var folder = new TempFolder();
        var unit = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "owlmetry.service"));
        Assert.That(unit, Does.Contain($"ExecStart={InstalledBinary} "), "the unit starts the binary where the README installs it");

        // verify also checks that ExecStart's program exists: the published binary is not installed on a test machine.
        await File.WriteAllTextAsync(folder.File("owlmetry.service"), unit.Replace(InstalledBinary, "/bin/true", StringComparison.Ordinal));
        using var verify = ChildProcess.StartProgram(analyzer!, ["verify", folder.File("owlmetry.service")], folder.Path);
        var exit = await verify.WaitForExitAsync(TimeSpan.FromSeconds(30), "systemd-analyze verify");

        Assert.That(exit, Is.Zero, verify.Describe());
        Assert.That(verify.StandardError, Is.Empty, "systemd's warnings about the unit");
    }
}
