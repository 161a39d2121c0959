using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DependencyInjection;

[TestFixture]
public sealed class LiteDbRegistrationTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder(create: false);

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void UseLiteDb_Path_ReplacesTheInMemoryStore()
    {
        var path = _folder.File("issues.db");
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UseLiteDb(path);

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IIssueStore>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store, Is.InstanceOf<LiteDbIssueStore>());
            Assert.That(((LiteDbIssueStore)store).Path, Is.EqualTo(Path.GetFullPath(path)));
            Assert.That(provider.GetRequiredService<LiteDbIssueStore>(), Is.SameAs(store), "the concrete store is a second instance");
        }
    }

    [Test]
    public void UseLiteDb_ProviderDisposed_ReleasesTheFile()
    {
        var path = _folder.File("issues.db");
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UseLiteDb(o => o.Path = path);
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IIssueStore>();
        }

        Assert.That(() => new LiteDbIssueStore(path).Dispose(), Throws.Nothing, "the file is still locked after the provider was disposed");
    }

    [Test]
    public void UseLiteDb_EmptyPath_FailsStartValidation()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UseLiteDb(o => o.Path = " ");
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(nameof(LiteDbIssueStoreOptions.Path)));
    }

    [Test]
    public void UseLiteDb_BlankPathArgument_ThrowsArgumentException()
    {
        var builder = new ServiceCollection().AddOwlmetryIssues();

        Assert.That(() => builder.UseLiteDb(""), Throws.ArgumentException);
    }
}
