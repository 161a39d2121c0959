using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// The server reads its configuration files once, at start. Watching them for changes would watch the whole working
/// directory, where the data directory lives by default, and wake on every page the store writes.
/// </summary>
public sealed class ConfigurationFilesTests
{
    [Test]
    public void Server_ReadsItsJsonSettings_WithoutWatchingThemForChanges()
    {
        using var factory = new OwlmetryServerFactory();

        var files = ((IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>()
            .Select(provider => provider.Source)
            .ToList();

        Assert.That(files.Select(source => source.Path), Does.Contain("appsettings.json"), "the server does not read appsettings.json");
        Assert.That(files.Where(source => source.ReloadOnChange).Select(source => source.Path), Is.Empty, "configuration files watched for changes");
    }
}
