using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    [Test]
    public async Task AddTeamAsync_StoresTheTeamAndItsOwner()
    {
        var owner = DirectoryRecords.User();
        await Store.AddUserAsync(owner);
        var team = DirectoryRecords.Team("payments", TestTimes.At(3));
        var ownership = DirectoryRecords.Membership(team.Id, owner.Id, TeamRole.Owner, TestTimes.At(3));

        await Store.AddTeamAsync(team, ownership);

        Assert.That(await Store.FindTeamAsync(team.Id), Is.EqualTo(team), "the team read back by id differs from the one added");
        Assert.That(await Store.FindTeamBySlugAsync("payments"), Is.EqualTo(team), "the team is not found by its slug");
        Assert.That(await Store.ListMembershipsOfTeamAsync(team.Id), Is.EqualTo(new[] { ownership }), "the owner's membership was not stored with the team");
    }

    [Test]
    public async Task FindTeam_UnknownIdOrSlug_ReturnsNull()
    {
        var team = DirectoryRecords.Team("payments");
        await Store.AddTeamAsync(team, DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner));

        Assert.That(await Store.FindTeamAsync(Guid.NewGuid()), Is.Null, "an unknown id found a team");
        Assert.That(await Store.FindTeamBySlugAsync("billing"), Is.Null, "an unknown slug found a team");
    }

    [Test]
    public async Task AddTeamAsync_SlugTaken_ThrowsConflictAndStoresNeitherTeamNorOwner()
    {
        var first = DirectoryRecords.Team("payments");
        await Store.AddTeamAsync(first, DirectoryRecords.Membership(first.Id, Guid.NewGuid(), TeamRole.Owner));
        var second = DirectoryRecords.Team("payments");
        var secondOwner = Guid.NewGuid();

        Assert.That(
            () => Store.AddTeamAsync(second, DirectoryRecords.Membership(second.Id, secondOwner, TeamRole.Owner)),
            Throws.TypeOf<DirectoryConflictException>(),
            "a second team with a taken slug was not refused");
        Assert.That(await Store.FindTeamAsync(second.Id), Is.Null, "the refused team was stored");
        Assert.That(await Store.ListMembershipsOfUserAsync(secondOwner), Is.Empty, "the refused team's owner membership was stored");
        Assert.That(await Store.FindTeamBySlugAsync("payments"), Is.EqualTo(first), "the slug no longer finds the first team");
    }

    [Test]
    public async Task ListMembershipsOfUserAsync_ListsEveryTeamOfThatUserOnly()
    {
        var user = DirectoryRecords.User();
        var other = DirectoryRecords.User();
        var teams = new[] { DirectoryRecords.Team(), DirectoryRecords.Team(), DirectoryRecords.Team() };
        var mine = new List<Membership>();
        for (var i = 0; i < teams.Length; i++)
        {
            var ownership = DirectoryRecords.Membership(teams[i].Id, user.Id, TeamRole.Owner, TestTimes.At(i));
            await Store.AddTeamAsync(teams[i], ownership);
            mine.Add(ownership);
        }

        await Store.AddMembershipAsync(DirectoryRecords.Membership(teams[0].Id, other.Id));

        Assert.That(await Store.ListMembershipsOfUserAsync(user.Id), Is.EquivalentTo(mine), "the user's memberships are not exactly their teams");
        Assert.That(await Store.ListMembershipsOfUserAsync(Guid.NewGuid()), Is.Empty, "an unknown user has memberships");
    }

    [Test]
    public async Task ListMembershipsOfTeamAsync_ListsThatTeamsMembersOldestFirst()
    {
        var team = DirectoryRecords.Team();
        var otherTeam = DirectoryRecords.Team();
        var ownership = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner, TestTimes.At(10));
        await Store.AddTeamAsync(team, ownership);
        await Store.AddTeamAsync(otherTeam, DirectoryRecords.Membership(otherTeam.Id, Guid.NewGuid(), TeamRole.Owner, TestTimes.At(0)));
        var later = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Member, TestTimes.At(30));
        var earlier = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Admin, TestTimes.At(5));
        await Store.AddMembershipAsync(later);
        await Store.AddMembershipAsync(earlier);

        Assert.That(await Store.ListMembershipsOfTeamAsync(team.Id), Is.EqualTo(new[] { earlier, ownership, later }), "the team's members are not listed oldest first, or others' are mixed in");
        Assert.That(await Store.ListMembershipsOfTeamAsync(Guid.NewGuid()), Is.Empty, "an unknown team has members");
    }

    [Test]
    public async Task AddMembershipAsync_SameTeamAndUser_IsAConflictAndKeepsTheFirst()
    {
        var team = DirectoryRecords.Team();
        var member = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Member, TestTimes.At(1));
        await Store.AddTeamAsync(team, DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner));
        await Store.AddMembershipAsync(member);

        var again = Assert.ThrowsAsync<DirectoryConflictException>(() => Store.AddMembershipAsync(member with { Role = TeamRole.Admin, CreatedAt = TestTimes.At(2) }));

        Assert.That(again!.Message, Is.EqualTo("User is already a member of this team"));
        Assert.That(await Store.ListMembershipsOfUserAsync(member.UserId), Is.EqualTo(new[] { member }), "a second add changed the membership");
        Assert.That(await Store.ListMembershipsOfTeamAsync(team.Id), Has.Count.EqualTo(2), "the membership is listed twice");
    }
}
