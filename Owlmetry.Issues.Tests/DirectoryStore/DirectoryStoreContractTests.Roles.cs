using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    [Test]
    public async Task ChangeMembershipRoleAsync_Member_ChangesOnlyThatTeamsRole()
    {
        var (team, _) = await TeamWithOwnerAsync();
        var other = DirectoryRecords.Team();
        var user = DirectoryRecords.User();
        await Store.AddUserAsync(user);
        await Store.AddTeamAsync(other, DirectoryRecords.Membership(other.Id, user.Id, TeamRole.Owner));
        var membership = DirectoryRecords.Membership(team.Id, user.Id, TeamRole.Member);
        await Store.AddMembershipAsync(membership);

        var change = await Store.ChangeMembershipRoleAsync(team.Id, user.Id, TeamRole.Admin);

        Assert.That(change, Is.EqualTo(MembershipChange.Applied));
        Assert.That((await Store.ListMembershipsOfUserAsync(user.Id)).Select(m => (m.TeamId, m.Role)),
            Is.EquivalentTo(new[] { (team.Id, TeamRole.Admin), (other.Id, TeamRole.Owner) }), "the role did not change, or changed in the user's other team too");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Single(m => m.UserId == user.Id), Is.EqualTo(membership with { Role = TeamRole.Admin }),
            "the team lists another role, or the change touched the membership's other fields");
    }

    [Test]
    public async Task ChangeMembershipRoleAsync_NotAMember_ReturnsNotFoundAndAddsNoOne()
    {
        var (team, owner) = await TeamWithOwnerAsync();

        Assert.That(await Store.ChangeMembershipRoleAsync(team.Id, Guid.NewGuid(), TeamRole.Admin), Is.EqualTo(MembershipChange.NotFound));
        Assert.That(await Store.ChangeMembershipRoleAsync(Guid.NewGuid(), owner.UserId, TeamRole.Admin), Is.EqualTo(MembershipChange.NotFound));
        Assert.That(await Store.ListMembershipsOfTeamAsync(team.Id), Is.EqualTo(new[] { owner }), "changing an unknown member's role added or changed a membership");
    }

    [TestCase(TeamRole.Admin)]
    [TestCase(TeamRole.Member)]
    public async Task ChangeMembershipRoleAsync_LastOwnerSteppingDown_RefusesAndKeepsTheOwner(TeamRole role)
    {
        var (team, owner) = await TeamWithOwnerAsync();
        await Store.AddMembershipAsync(DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Admin));

        var change = await Store.ChangeMembershipRoleAsync(team.Id, owner.UserId, role);

        Assert.That(change, Is.EqualTo(MembershipChange.LastOwner));
        Assert.That(await Store.ListMembershipsOfUserAsync(owner.UserId), Is.EqualTo(new[] { owner }), "the last owner lost the owner role");
    }

    [Test]
    public async Task ChangeMembershipRoleAsync_LastOwnerKeptAnOwner_IsApplied()
    {
        var (team, owner) = await TeamWithOwnerAsync();

        Assert.That(await Store.ChangeMembershipRoleAsync(team.Id, owner.UserId, TeamRole.Owner), Is.EqualTo(MembershipChange.Applied));
        Assert.That(await Store.ListMembershipsOfUserAsync(owner.UserId), Is.EqualTo(new[] { owner }));
    }

    [Test]
    public async Task ChangeMembershipRoleAsync_AnotherOwnerPromoted_ThenTheFirstStepsDown()
    {
        var (team, first) = await TeamWithOwnerAsync();
        var second = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Member);
        await Store.AddMembershipAsync(second);

        Assert.That(await Store.ChangeMembershipRoleAsync(team.Id, second.UserId, TeamRole.Owner), Is.EqualTo(MembershipChange.Applied));
        Assert.That(await Store.ChangeMembershipRoleAsync(team.Id, first.UserId, TeamRole.Member), Is.EqualTo(MembershipChange.Applied));
        Assert.That(await Store.ChangeMembershipRoleAsync(team.Id, second.UserId, TeamRole.Admin), Is.EqualTo(MembershipChange.LastOwner), "the new owner, now the last, stepped down");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Select(m => (m.UserId, m.Role)),
            Is.EquivalentTo(new[] { (first.UserId, TeamRole.Member), (second.UserId, TeamRole.Owner) }));
    }

    [Test]
    public async Task ChangeMembershipRoleAsync_TwoOwnersSteppingDownAtOnce_OneStays()
    {
        var (team, first) = await TeamWithOwnerAsync();
        var second = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner);
        await Store.AddMembershipAsync(second);

        var changes = await Task.WhenAll(
            Task.Run(() => Store.ChangeMembershipRoleAsync(team.Id, first.UserId, TeamRole.Admin)),
            Task.Run(() => Store.ChangeMembershipRoleAsync(team.Id, second.UserId, TeamRole.Member)));

        Assert.That(changes, Is.EquivalentTo(new[] { MembershipChange.Applied, MembershipChange.LastOwner }), "both owners stepped down, or neither");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Count(m => m.Role == TeamRole.Owner), Is.EqualTo(1), "the team has no owner left");
    }

    [Test]
    public async Task ChangeMembershipRoleAsync_OneOwnerStepsDownAsTheOtherIsRemoved_OneStays()
    {
        var (team, first) = await TeamWithOwnerAsync();
        var second = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner);
        await Store.AddMembershipAsync(second);

        var demotion = Task.Run(() => Store.ChangeMembershipRoleAsync(team.Id, first.UserId, TeamRole.Member));
        var removal = Task.Run(() => Store.RemoveMembershipAsync(team.Id, second.UserId));
        await Task.WhenAll(demotion, removal);

        Assert.That(new[] { await demotion, await removal }, Is.EquivalentTo(new[] { MembershipChange.Applied, MembershipChange.LastOwner }),
            "both the demotion and the removal went through, or neither");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Count(m => m.Role == TeamRole.Owner), Is.EqualTo(1), "the team has no owner left");
    }
}
