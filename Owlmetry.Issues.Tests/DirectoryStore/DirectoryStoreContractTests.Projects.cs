using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    private static readonly Guid s_team = Guid.Parse("7e000000-0000-4000-8000-000000000001");
    private static readonly Guid s_otherTeam = Guid.Parse("7e000000-0000-4000-8000-000000000002");

    [Test]
    public async Task SaveProjectAsync_ThenFindProjectAsync_RoundTripsEveryField()
    {
        var project = DirectoryRecords.Project(s_team, "checkout", TestTimes.At(4)) with { IssueAlertFrequency = "hourly", Color = "#ef4444" };
        var bare = DirectoryRecords.Project(s_team) with { IssueAlertFrequency = null, Color = null, DeletedAt = TestTimes.At(9) };

        await Store.SaveProjectAsync(project);
        await Store.SaveProjectAsync(bare);

        Assert.That(await Store.FindProjectAsync(project.Id), Is.EqualTo(project), "the project read back differs from the one saved");
        Assert.That(await Store.FindProjectAsync(bare.Id), Is.EqualTo(bare), "a deleted project without alert frequency or color did not round-trip");
        Assert.That(await Store.FindProjectAsync(Guid.NewGuid()), Is.Null, "an unknown id found a project");
    }

    [Test]
    public async Task SaveProjectAsync_SameId_ReplacesTheProject()
    {
        var project = DirectoryRecords.Project(s_team, "checkout");
        await Store.SaveProjectAsync(project);

        var renamed = project with { Name = "Checkout v2", Color = "#22c55e" };
        await Store.SaveProjectAsync(renamed);

        Assert.That(await Store.FindProjectAsync(project.Id), Is.EqualTo(renamed), "saving the same id did not replace the project");
        Assert.That(await Store.ListProjectsAsync([s_team]), Is.EqualTo(new[] { renamed }), "the replaced project is listed twice or not at all");
    }

    [Test]
    public async Task ListProjectsAsync_ListsTheGivenTeamsProjectsOldestFirst_DeletedOnesIncluded()
    {
        var third = DirectoryRecords.Project(Guid.NewGuid(), createdAt: TestTimes.At(0));
        var late = DirectoryRecords.Project(s_team, createdAt: TestTimes.At(30));
        var deleted = DirectoryRecords.Project(s_otherTeam, createdAt: TestTimes.At(20)) with { DeletedAt = TestTimes.At(25) };
        var early = DirectoryRecords.Project(s_team, createdAt: TestTimes.At(10));
        foreach (var project in new[] { third, late, deleted, early })
        {
            await Store.SaveProjectAsync(project);
        }

        Assert.That(await Store.ListProjectsAsync([s_team, s_otherTeam]), Is.EqualTo(new[] { early, deleted, late }), "not the two teams' projects, oldest first, deleted ones included");
        Assert.That(await Store.ListProjectsAsync([s_team, s_team]), Is.EqualTo(new[] { early, late }), "a team named twice lists its projects twice");
        Assert.That(await Store.ListProjectsAsync([]), Is.Empty, "no team ids listed projects");
    }

    [Test]
    public async Task SaveProjectAsync_LiveSlugTakenInTheTeam_ThrowsConflictAndStoresNothing()
    {
        var first = DirectoryRecords.Project(s_team, "checkout");
        await Store.SaveProjectAsync(first);
        var second = DirectoryRecords.Project(s_team, "checkout");

        Assert.That(() => Store.SaveProjectAsync(second), Throws.TypeOf<DirectoryConflictException>(), "a second live project with the team's slug was not refused");
        Assert.That(await Store.FindProjectAsync(second.Id), Is.Null, "the refused project was stored");
    }

    [Test]
    public async Task SaveProjectAsync_RenamingOntoAnotherLiveSlug_ThrowsConflictAndKeepsTheOldSlug()
    {
        await Store.SaveProjectAsync(DirectoryRecords.Project(s_team, "checkout"));
        var other = DirectoryRecords.Project(s_team, "billing");
        await Store.SaveProjectAsync(other);

        Assert.That(() => Store.SaveProjectAsync(other with { Slug = "checkout" }), Throws.TypeOf<DirectoryConflictException>(), "moving a project onto a taken slug was not refused");
        Assert.That(await Store.FindProjectAsync(other.Id), Is.EqualTo(other), "the refused change was stored");
    }

    [Test]
    public async Task SaveProjectAsync_SlugFreedByDeletionOrInAnotherTeam_Saves()
    {
        var deleted = DirectoryRecords.Project(s_team, "checkout") with { DeletedAt = TestTimes.At(1) };
        var elsewhere = DirectoryRecords.Project(s_otherTeam, "checkout");
        var live = DirectoryRecords.Project(s_team, "checkout");
        await Store.SaveProjectAsync(deleted);
        await Store.SaveProjectAsync(elsewhere);

        await Store.SaveProjectAsync(live);

        Assert.That(await Store.FindProjectAsync(live.Id), Is.EqualTo(live), "a deleted project's slug, or another team's, was not free");
    }

    [Test]
    public async Task SaveProjectAsync_DeletingWhileAnotherLiveProjectHasTheSlug_Saves()
    {
        var old = DirectoryRecords.Project(s_team, "checkout") with { DeletedAt = TestTimes.At(1) };
        await Store.SaveProjectAsync(old);
        await Store.SaveProjectAsync(DirectoryRecords.Project(s_team, "checkout"));

        var renamed = old with { Name = "Old checkout" };
        await Store.SaveProjectAsync(renamed);

        Assert.That(await Store.FindProjectAsync(old.Id), Is.EqualTo(renamed), "a deleted project holds no slug, yet saving it was refused or lost");
    }

    [Test]
    public async Task AddAppAsync_ThenFindAppAsync_RoundTripsEveryField()
    {
        var app = DirectoryRecords.App(TestIds.Project, TestTimes.At(2));
        var backend = DirectoryRecords.App(TestIds.Project) with { Platform = AppPlatforms.Backend, BundleId = null };

        await Store.AddAppAsync(app);
        await Store.AddAppAsync(backend);

        Assert.That(await Store.FindAppAsync(app.Id), Is.EqualTo(app), "the app read back differs from the one added");
        Assert.That(await Store.FindAppAsync(backend.Id), Is.EqualTo(backend), "an app without bundle id did not round-trip");
        Assert.That(await Store.FindAppAsync(Guid.NewGuid()), Is.Null, "an unknown id found an app");
    }

    [Test]
    public async Task ListAppsAsync_ListsThatProjectsAppsOldestFirst()
    {
        var late = DirectoryRecords.App(TestIds.Project, TestTimes.At(20));
        var elsewhere = DirectoryRecords.App(TestIds.OtherProject, TestTimes.At(0));
        var early = DirectoryRecords.App(TestIds.Project, TestTimes.At(10));
        foreach (var app in new[] { late, elsewhere, early })
        {
            await Store.AddAppAsync(app);
        }

        Assert.That(await Store.ListAppsAsync(TestIds.Project), Is.EqualTo(new[] { early, late }), "not the project's apps, oldest first");
        Assert.That(await Store.ListAppsAsync(Guid.NewGuid()), Is.Empty, "an unknown project has apps");
    }

    [Test]
    public async Task AddAppWithClientKeyAsync_StoresTheAppAndItsKey()
    {
        var app = DirectoryRecords.App(TestIds.Project);
        var key = DirectoryRecords.ClientKey(s_team, app.Id);

        await Store.AddAppWithClientKeyAsync(app, key);

        Assert.That(await Store.FindAppAsync(app.Id), Is.EqualTo(app), "the app was not stored");
        AssertSameKey(await Store.FindKeyAsync(key.Id), key, "the app's client key");
    }

    [Test]
    public async Task AddAppWithClientKeyAsync_KeyIdTaken_ThrowsAndStoresNoApp()
    {
        var existing = DirectoryRecords.AgentKey(s_team);
        await Store.SaveKeyAsync(existing);
        var app = DirectoryRecords.App(TestIds.Project);
        var clashing = DirectoryRecords.ClientKey(s_team, app.Id) with { Id = existing.Id };

        Assert.That(() => Store.AddAppWithClientKeyAsync(app, clashing), Throws.Exception, "an app whose client key reuses a stored key's id was not refused");
        Assert.That(await Store.FindAppAsync(app.Id), Is.Null, "the app was stored without its client key: the two did not land in one step");
        Assert.That(await Store.ListAppsAsync(TestIds.Project), Is.Empty, "the project lists an app whose key was refused");
        AssertSameKey(await Store.FindKeyAsync(existing.Id), existing, "the key whose id was reused");
    }

    [Test]
    public async Task SaveKeyAsync_ThenFind_RoundTripsEveryFieldByIdAndSecretHash()
    {
        var agent = DirectoryRecords.AgentKey(s_team, TestTimes.At(6)) with { Permissions = ApiKeyPermissions.All };
        var client = DirectoryRecords.ClientKey(s_team, TestIds.App);

        await Store.SaveKeyAsync(agent);
        await Store.SaveKeyAsync(client);

        AssertSameKey(await Store.FindKeyAsync(agent.Id), agent, "the agent key by id");
        AssertSameKey(await Store.FindKeyAsync(client.Id), client, "the client key by id (no creator, no expiry)");
        AssertSameKey(await Store.FindKeyBySecretHashAsync(agent.SecretHash), agent, "the agent key by secret hash");
        Assert.That(await Store.FindKeyAsync(Guid.NewGuid()), Is.Null, "an unknown id found a key");
        Assert.That(await Store.FindKeyBySecretHashAsync("sha256-unknown"), Is.Null, "an unknown secret hash found a key");
    }

    [Test]
    public async Task SaveKeyAsync_Revoked_ReplacesTheKey()
    {
        var key = DirectoryRecords.AgentKey(s_team);
        await Store.SaveKeyAsync(key);

        var revoked = key with { RevokedAt = TestTimes.At(50) };
        await Store.SaveKeyAsync(revoked);

        AssertSameKey(await Store.FindKeyBySecretHashAsync(key.SecretHash), revoked, "the revoked key by secret hash");
        Assert.That((await Store.ListKeysAsync([s_team])).Select(k => k.RevokedAt), Is.EqualTo(new DateTimeOffset?[] { TestTimes.At(50) }), "revoking did not replace the key in the list");
    }

    [Test]
    public async Task ListKeysAsync_ListsTheGivenTeamsKeysOldestFirst()
    {
        var late = DirectoryRecords.AgentKey(s_team, TestTimes.At(30));
        var elsewhere = DirectoryRecords.AgentKey(Guid.NewGuid(), TestTimes.At(0));
        var other = DirectoryRecords.ClientKey(s_otherTeam, TestIds.App, TestTimes.At(20));
        var early = DirectoryRecords.AgentKey(s_team, TestTimes.At(10));
        foreach (var key in new[] { late, elsewhere, other, early })
        {
            await Store.SaveKeyAsync(key);
        }

        var listed = await Store.ListKeysAsync([s_team, s_otherTeam]);

        Assert.That(listed.Select(k => k.Id), Is.EqualTo(new[] { early.Id, other.Id, late.Id }), "not the two teams' keys, oldest first");
        Assert.That((await Store.ListKeysAsync([s_team, s_team])).Select(k => k.Id), Is.EqualTo(new[] { early.Id, late.Id }), "a team named twice lists its keys twice");
        Assert.That(await Store.ListKeysAsync([]), Is.Empty, "no team ids listed keys");
    }
}
