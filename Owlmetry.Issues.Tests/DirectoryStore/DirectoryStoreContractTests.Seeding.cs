using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    [Test]
    public async Task IsEmptyAsync_NewStore_IsTrue() =>
        Assert.That(await Store.IsEmptyAsync(), Is.True, "a new store is not empty");

    [Test]
    public async Task IsEmptyAsync_AUserAlone_IsFalse()
    {
        await Store.AddUserAsync(DirectoryRecords.User());

        Assert.That(await Store.IsEmptyAsync(), Is.False, "a store with a user is empty");
    }

    [Test]
    public async Task IsEmptyAsync_ATeamAlone_IsFalse()
    {
        var team = DirectoryRecords.Team();
        await Store.AddTeamAsync(team, DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner));

        Assert.That(await Store.IsEmptyAsync(), Is.False, "a store with a team is empty");
    }

    [Test]
    public async Task TrySeedAsync_EmptyStore_StoresTheWholeSeed()
    {
        var seed = DirectoryRecords.Seed();

        Assert.That(await Store.TrySeedAsync(seed), Is.True, "seeding an empty store did not report success");

        await AssertSeededAsync(seed);
        Assert.That(await Store.IsEmptyAsync(), Is.False, "the seeded store is empty");
    }

    [Test]
    public async Task TrySeedAsync_Twice_SecondReturnsFalseAndWritesNothing()
    {
        var first = DirectoryRecords.Seed();
        var second = DirectoryRecords.Seed();
        await Store.TrySeedAsync(first);

        Assert.That(await Store.TrySeedAsync(second), Is.False, "a second seed reported success");

        await AssertSeededAsync(first);
        await AssertNothingOfAsync(second, "the second seed");
    }

    [Test]
    public async Task TrySeedAsync_AUserPresent_ReturnsFalseAndWritesNothing()
    {
        var user = DirectoryRecords.User();
        await Store.AddUserAsync(user);
        var seed = DirectoryRecords.Seed();

        Assert.That(await Store.TrySeedAsync(seed), Is.False, "a seed onto a store with a user reported success");

        await AssertNothingOfAsync(seed, "the refused seed");
        Assert.That(await Store.FindUserAsync(user.Id), Is.EqualTo(user), "the user present before the seed changed");
    }

    [Test]
    public async Task TrySeedAsync_InParallel_SeedsExactlyOnce()
    {
        var seeds = Enumerable.Range(0, 8).Select(_ => DirectoryRecords.Seed()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var seeding = seeds.Select(seed => Task.Run(async () =>
        {
            await start.Task;
            return await Store.TrySeedAsync(seed);
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(seeding);

        Assert.That(outcomes.Count(seeded => seeded), Is.EqualTo(1), "not exactly one of the parallel seeds reported success");
        var winner = seeds[Array.IndexOf(outcomes, true)];
        await AssertSeededAsync(winner);
        foreach (var loser in seeds.Where(s => s != winner))
        {
            await AssertNothingOfAsync(loser, "a seed that reported failure");
        }
    }

    private async Task AssertSeededAsync(DirectorySeed seed)
    {
        Assert.That(await Store.FindTeamAsync(seed.Team.Id), Is.EqualTo(seed.Team), "the seed's team is not stored");
        Assert.That(await Store.FindUserAsync(seed.Owner.Id), Is.EqualTo(seed.Owner), "the seed's owner is not stored");
        Assert.That(await Store.ListMembershipsOfTeamAsync(seed.Team.Id), Is.EqualTo(new[] { seed.OwnerMembership }), "the seed's owner membership is not the team's only one");
        Assert.That(await Store.FindProjectAsync(seed.Project.Id), Is.EqualTo(seed.Project), "the seed's project is not stored");
        Assert.That(await Store.FindAppAsync(seed.App.Id), Is.EqualTo(seed.App), "the seed's app is not stored");
        foreach (var key in seed.Keys)
        {
            AssertSameKey(await Store.FindKeyAsync(key.Id), key, "a seed key");
        }
    }

    private async Task AssertNothingOfAsync(DirectorySeed seed, string what)
    {
        Assert.That(await Store.FindTeamAsync(seed.Team.Id), Is.Null, $"{what} stored its team");
        Assert.That(await Store.FindUserAsync(seed.Owner.Id), Is.Null, $"{what} stored its owner");
        Assert.That(await Store.ListMembershipsOfUserAsync(seed.Owner.Id), Is.Empty, $"{what} stored its owner membership");
        Assert.That(await Store.FindProjectAsync(seed.Project.Id), Is.Null, $"{what} stored its project");
        Assert.That(await Store.FindAppAsync(seed.App.Id), Is.Null, $"{what} stored its app");
        foreach (var key in seed.Keys)
        {
            Assert.That(await Store.FindKeyAsync(key.Id), Is.Null, $"{what} stored a key");
        }
    }
}
