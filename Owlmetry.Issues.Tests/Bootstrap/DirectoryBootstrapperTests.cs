using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Bootstrap;

public sealed class DirectoryBootstrapperTests
{
    private readonly FakeTimeProvider _clock = new(TestTimes.ClockStart);
    private InMemoryDirectoryStore _store = null!;
    private TempFolder _data = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new InMemoryDirectoryStore();
        _data = new TempFolder(create: false);
    }

    [TearDown]
    public void TearDown() => _data.Dispose();

    [Test]
    public async Task TryBootstrapAsync_EmptyStore_SeedsOwnerWithEveryPermissionAgentKey()
    {
        var credentials = await Bootstrapper().TryBootstrapAsync();

        Assert.That(credentials, Is.Not.Null);
        var owner = await _store.FindUserByEmailAsync("admin@localhost");
        Assert.That(owner, Is.Not.Null);
        Assert.That((await _store.ListMembershipsOfUserAsync(owner!.Id)).Single().Role, Is.EqualTo(TeamRole.Owner));
        var keys = await _store.ListKeysAsync([credentials!.TeamId]);
        Assert.That(keys.Single(k => k.KeyType == ApiKeyType.Agent).Permissions, Is.EquivalentTo(ApiKeyPermissions.All));
        Assert.That(keys.Single(k => k.KeyType == ApiKeyType.Client).AppId, Is.EqualTo(credentials.AppId));
        Assert.That((await _store.FindAppAsync(credentials.AppId))!.Platform, Is.EqualTo("backend"));
        Assert.That(Directory.GetFiles(_data.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "initial-credentials.json" }));
    }

    [Test]
    public async Task TryBootstrapAsync_StoreHoldsData_ReturnsNullAndWritesNothing()
    {
        var now = _clock.GetUtcNowMilliseconds();
        await _store.AddUserAsync(new User(Guid.NewGuid(), "someone@example.com", "Someone", string.Empty, now));

        var credentials = await Bootstrapper().TryBootstrapAsync();

        Assert.That(credentials, Is.Null);
        Assert.That(Directory.Exists(_data.Path), Is.False);
        Assert.That(await _store.FindUserByEmailAsync("admin@localhost"), Is.Null);
    }

    [Test]
    public async Task TryBootstrapAsync_Twice_SeedsOnce()
    {
        var bootstrapper = Bootstrapper();
        var first = await bootstrapper.TryBootstrapAsync();
        var written = await File.ReadAllTextAsync(bootstrapper.CredentialsPath);

        var second = await bootstrapper.TryBootstrapAsync();

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        Assert.That(await File.ReadAllTextAsync(bootstrapper.CredentialsPath), Is.EqualTo(written));
    }

    private DirectoryBootstrapper Bootstrapper() =>
        new(_store, new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })), new DataDirectory(_data.Path), _clock);
}
