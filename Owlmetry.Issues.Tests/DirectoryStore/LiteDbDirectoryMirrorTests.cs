using System.Text.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Directory.LiteDb;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

/// <summary>
/// The LiteDB directory answers reads from memory. What it answers must be what the file holds: the same records after
/// reopening the file, after writes made one at a time and in parallel, and while the store is busy with other units.
/// </summary>
[TestFixture]
public sealed class LiteDbDirectoryMirrorTests
{
    private TempFolder _folder = null!;
    private LiteDbIssueStore _issues = null!;
    private LiteDbDirectoryStore _store = null!;

    [SetUp]
    public void OpenStore()
    {
        _folder = new TempFolder();
        Open();
    }

    [TearDown]
    public void CloseStore()
    {
        _issues.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Reads_AfterEveryKindOfWrite_MatchTheFileReopened()
    {
        // Times below the millisecond, and several records created in the same millisecond, as a fake clock makes them.
        var at = TestTimes.Base.AddTicks(1234);
        var seed = DirectoryRecords.Seed();
        await _store.TrySeedAsync(seed);
        var team = DirectoryRecords.Team(createdAt: at);
        var owner = DirectoryRecords.User(createdAt: at);
        await _store.AddUserAsync(owner);
        await _store.AddTeamAsync(team, DirectoryRecords.Membership(team.Id, owner.Id, TeamRole.Owner, at));
        var member = DirectoryRecords.User(email: "Grace.Hopper@Example.com", createdAt: at);
        await _store.AddMemberAsync(member, DirectoryRecords.Membership(team.Id, member.Id, createdAt: at));
        await _store.AddMembershipAsync(DirectoryRecords.Membership(seed.Team.Id, member.Id, TeamRole.Admin, at));
        await _store.RemoveMembershipAsync(seed.Team.Id, member.Id);
        await _store.AddMembershipAsync(DirectoryRecords.Membership(seed.Team.Id, owner.Id, createdAt: at));
        await _store.ChangeMembershipRoleAsync(team.Id, member.Id, TeamRole.Admin);
        await _store.SetPasswordHashAsync(member.Id, "rehashed");
        var projects = Enumerable.Range(0, 3).Select(_ => DirectoryRecords.Project(team.Id, createdAt: at)).ToList();
        foreach (var project in projects)
        {
            await _store.SaveProjectAsync(project);
        }

        await _store.SaveProjectAsync(projects[1] with { Name = "Renamed", Slug = "renamed" });
        await _store.SaveProjectAsync(projects[2] with { DeletedAt = at.AddMinutes(1) });
        var app = DirectoryRecords.App(projects[0].Id, at);
        await _store.AddAppAsync(app);
        await _store.AddAppWithClientKeyAsync(DirectoryRecords.App(projects[0].Id, at), DirectoryRecords.ClientKey(team.Id, app.Id, at));
        var agentKey = DirectoryRecords.AgentKey(team.Id, at);
        await _store.SaveKeyAsync(agentKey);
        await _store.SaveKeyAsync(agentKey with { RevokedAt = at.AddMinutes(2) });

        var fromMemory = await ObserveAsync(_store);
        Reopen();

        Assert.That(await ObserveAsync(_store), Is.EqualTo(fromMemory), "a read right after the writes differs from the same read of the reopened file");
    }

    [Test]
    public async Task Reads_AfterParallelWritesOfOneRecord_MatchTheFileReopened()
    {
        var seed = DirectoryRecords.Seed();
        await _store.TrySeedAsync(seed);
        var key = seed.Keys[1];

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => _store.SaveKeyAsync(key with { Name = $"name {i}" }))));
        var fromMemory = await _store.FindKeyAsync(key.Id);
        Reopen();

        Assert.That((await _store.FindKeyAsync(key.Id))?.Name, Is.EqualTo(fromMemory?.Name), "the key read right after parallel saves is not the one the file kept last");
    }

    [Test]
    public async Task Reads_WhileAUnitHoldsTheStore_AnswerWithoutWaitingForIt()
    {
        var seed = DirectoryRecords.Seed();
        await _store.TrySeedAsync(seed);
        using var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = Task.Run(() => _issues.WriteDatabaseAsync(_ =>
        {
            entered.SetResult();
            release.Wait();
            return true;
        }));
        await entered.Task;
        try
        {
            var key = _store.FindKeyBySecretHashAsync(seed.Keys[0].SecretHash);
            var project = _store.FindProjectAsync(seed.Project.Id);
            var app = _store.FindAppAsync(seed.App.Id);

            Assert.That(new Task[] { key, project, app }.All(read => read.IsCompletedSuccessfully), Is.True, "a directory read waited for a unit of the store");
            Assert.That((await key)?.Id, Is.EqualTo(seed.Keys[0].Id), "the key was not found by its secret");
        }
        finally
        {
            release.Set();
            await busy;
        }
    }

    [Test]
    public async Task Export_ReadsTheFile_AsTheMirrorHasIt()
    {
        var seed = DirectoryRecords.Seed();
        await _store.TrySeedAsync(seed);
        await _store.SaveKeyAsync(seed.Keys[0] with { RevokedAt = TestTimes.Base.AddTicks(1) });

        var export = await _store.ExportDirectoryAsync();

        Assert.That(export.Keys.Single(k => k.Id == seed.Keys[0].Id).RevokedAt, Is.EqualTo(TestTimes.Base), "the export does not read the revocation stored to the millisecond");
        Assert.That((await _store.FindKeyAsync(seed.Keys[0].Id))?.RevokedAt, Is.EqualTo(TestTimes.Base), "the mirror does not hold the revocation as stored");
    }

    private void Open()
    {
        _issues = new LiteDbIssueStore(_folder.File("issues.db"));
        _store = new LiteDbDirectoryStore(_issues);
    }

    private void Reopen()
    {
        _issues.Dispose();
        Open();
    }

    // Everything the interface reads, for every record the file holds, as one text to compare.
    private static async Task<string> ObserveAsync(LiteDbDirectoryStore store)
    {
        var records = await store.ExportDirectoryAsync();
        var teamIds = records.Teams.Select(t => t.Id).ToList();
        var reads = new List<object?> { await store.IsEmptyAsync(), await store.ListProjectsAsync(teamIds), await store.ListKeysAsync(teamIds) };
        foreach (var user in records.Users)
        {
            reads.Add(await store.FindUserAsync(user.Id));
            reads.Add(await store.FindUserByEmailAsync(user.Email.ToUpperInvariant()));
            reads.Add(await store.ListMembershipsOfUserAsync(user.Id));
        }

        foreach (var team in records.Teams)
        {
            reads.Add(await store.FindTeamAsync(team.Id));
            reads.Add(await store.FindTeamBySlugAsync(team.Slug));
            reads.Add(await store.ListMembershipsOfTeamAsync(team.Id));
            reads.Add(await store.ListProjectsAsync([team.Id]));
            reads.Add(await store.ListKeysAsync([team.Id]));
        }

        foreach (var project in records.Projects)
        {
            reads.Add(await store.FindProjectAsync(project.Id));
            reads.Add(await store.ListAppsAsync(project.Id));
        }

        foreach (var app in records.Apps)
        {
            reads.Add(await store.FindAppAsync(app.Id));
        }

        foreach (var key in records.Keys)
        {
            reads.Add(await store.FindKeyAsync(key.Id));
            reads.Add(await store.FindKeyBySecretHashAsync(key.SecretHash));
        }

        return JsonSerializer.Serialize(reads, new JsonSerializerOptions { WriteIndented = true });
    }
}
