using Microsoft.Extensions.Configuration;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Tests.Bootstrap;

public sealed class HostingConfigurationTests
{
    [Test]
    public void DataDirectory_NothingConfigured_IsOwlmetryDataInTheWorkingDirectory() =>
        Assert.That(DataDirectory.FromConfiguration(Configuration()).Path, Is.EqualTo(Path.GetFullPath("./owlmetry-data")));

    [Test]
    public void DataDirectory_AllSourcesSet_CommandLineWins() =>
        Assert.That(
            DataDirectory.FromConfiguration(Configuration(("data", "/from/arg"), ("OWLMETRY_DATA_DIR", "/from/env"), ("Storage:DataDirectory", "/from/config"))).Path,
            Is.EqualTo(Path.GetFullPath("/from/arg")));

    [Test]
    public void DataDirectory_EnvironmentAndSetting_EnvironmentWins() =>
        Assert.That(
            DataDirectory.FromConfiguration(Configuration(("OWLMETRY_DATA_DIR", "/from/env"), ("Storage:DataDirectory", "/from/config"))).Path,
            Is.EqualTo(Path.GetFullPath("/from/env")));

    [Test]
    public void DataDirectory_OnlySetting_UsesIt() =>
        Assert.That(DataDirectory.FromConfiguration(Configuration(("Storage:DataDirectory", "/from/config"))).Path, Is.EqualTo(Path.GetFullPath("/from/config")));

    [Test]
    public void ListenAddress_NothingConfigured_IsPort4000OnAllInterfaces() =>
        Assert.That(ListenAddress.Resolve(Configuration()), Is.EqualTo("http://0.0.0.0:4000"));

    [Test]
    public void ListenAddress_Port5000_IsPort5000OnAllInterfaces() =>
        Assert.That(ListenAddress.Resolve(Configuration(("PORT", "5000"))), Is.EqualTo("http://0.0.0.0:5000"));

    [Test]
    public void ListenAddress_UrlsAndPort_LeavesUrlsToAspNetCore() =>
        Assert.That(ListenAddress.Resolve(Configuration(("urls", "http://127.0.0.1:7000"), ("PORT", "5000"))), Is.Null);

    [TestCase("http")]
    [TestCase("0")]
    [TestCase("70000")]
    [TestCase("-1")]
    public void ListenAddress_InvalidPort_ThrowsNamingIt(string port) =>
        Assert.That(() => ListenAddress.Resolve(Configuration(("PORT", port))), Throws.InvalidOperationException.With.Message.Contains(port));

    [Test]
    public void LiteDbDurability_NothingConfigured_SurvivesAProcessCrash() =>
        Assert.That(ServerStorage.LiteDbDurabilityOf(Configuration()), Is.EqualTo(LiteDbDurability.ProcessCrash));

    [TestCase("process-crash", LiteDbDurability.ProcessCrash)]
    [TestCase(" Power-Loss ", LiteDbDurability.PowerLoss)]
    public void LiteDbDurability_Set_IsTheOneNamed(string value, LiteDbDurability expected) =>
        Assert.That(ServerStorage.LiteDbDurabilityOf(Configuration(("Storage:Durability", value))), Is.EqualTo(expected));

    [Test]
    public void LiteDbDurability_Unknown_ThrowsNamingTheChoices() =>
        Assert.That(
            () => ServerStorage.LiteDbDurabilityOf(Configuration(("Storage:Durability", "fsync"))),
            Throws.InvalidOperationException.With.Message.Contains("'fsync'").And.Message.Contains("process-crash (the default) or power-loss"));

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
