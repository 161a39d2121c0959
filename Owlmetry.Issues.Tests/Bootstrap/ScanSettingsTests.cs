using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Bootstrap;

/// <summary>The server's <c>Scan:*</c> settings, as the scan's options receive them.</summary>
public sealed class ScanSettingsTests
{
    [TestCase("false", false)]
    [TestCase("true", true)]
    public void ScanEnabled_Configured_IsTheBackgroundScanOption(string setting, bool backgroundScan)
    {
        using var server = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Scan:Enabled"] = setting });

        Assert.That(server.Services.GetRequiredService<IOptions<IssuesOptions>>().Value.BackgroundScan, Is.EqualTo(backgroundScan),
            "the server decides through the option a host application's test sets too");
    }

    [Test]
    public void ScanBatchSize_NotConfigured_IsLeftToTheStore()
    {
        using var server = new OwlmetryServerFactory();

        Assert.That(server.Services.GetRequiredService<IOptions<IssuesOptions>>().Value.ScanBatchSize, Is.Null, "the store's preferred unit size applies");
    }

    [Test]
    public void ScanBatchSize_Configured_IsTheScansUnitSize()
    {
        using var server = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Scan:BatchSize"] = "2500" });

        Assert.That(server.Services.GetRequiredService<IOptions<IssuesOptions>>().Value.ScanBatchSize, Is.EqualTo(2_500));
    }

    [Test]
    public void ScanBatchSize_Zero_IsRefusedNamingTheKey()
    {
        // The binary refuses to start on it (SettingsFailureTests); here, that the refusal names what the operator wrote.
        using var server = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Scan:BatchSize"] = "0" });

        Assert.That(() => server.Services.GetRequiredService<IOptions<IssuesOptions>>().Value,
            Throws.InvalidOperationException.With.Message.EqualTo("Scan:BatchSize must be at least 1, not '0'."));
    }
}
