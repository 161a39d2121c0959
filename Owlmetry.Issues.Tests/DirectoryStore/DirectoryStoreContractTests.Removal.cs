using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

public abstract partial class DirectoryStoreContractTests
{
    [Test]
    public async Task RemoveMembershipAsync_Member_RemovesOnlyThatTeamsMembership()
    {
        var (team, _) = await TeamWithOwnerAsync();
        var other = DirectoryRecords.Team();
        var user = DirectoryRecords.User();
        await Store.AddUserAsync(user);
        await Store.AddTeamAsync(other, DirectoryRecords.Membership(other.Id, user.Id, TeamRole.Owner));
        await Store.AddMembershipAsync(DirectoryRecords.Membership(team.Id, user.Id, TeamRole.Admin));

        var removal = await Store.RemoveMembershipAsync(team.Id, user.Id);

        Assert.That(removal, Is.EqualTo(MembershipChange.Applied));
        Assert.That((await Store.ListMembershipsOfUserAsync(user.Id)).Select(m => m.TeamId), Is.EqualTo(new[] { other.Id }), "the user's other team's membership went too, or this one stayed");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Select(m => m.UserId), Does.Not.Contain(user.Id), "the team still lists the removed member");
        Assert.That(await Store.FindUserAsync(user.Id), Is.Not.Null, "removing a membership deleted the user");
    }

    [Test]
    public async Task RemoveMembershipAsync_NotAMember_ReturnsNotFound()
    {
        var (team, _) = await TeamWithOwnerAsync();

        Assert.That(await Store.RemoveMembershipAsync(team.Id, Guid.NewGuid()), Is.EqualTo(MembershipChange.NotFound));
        Assert.That(await Store.RemoveMembershipAsync(Guid.NewGuid(), Guid.NewGuid()), Is.EqualTo(MembershipChange.NotFound));
    }

    [Test]
    public async Task RemoveMembershipAsync_LastOwner_RefusesAndKeepsIt()
    {
        var (team, owner) = await TeamWithOwnerAsync();
        await Store.AddMembershipAsync(DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Admin));

        var removal = await Store.RemoveMembershipAsync(team.Id, owner.UserId);

        Assert.That(removal, Is.EqualTo(MembershipChange.LastOwner));
        Assert.That(await Store.ListMembershipsOfUserAsync(owner.UserId), Is.EqualTo(new[] { owner }), "the last owner's membership was removed");
    }

    [Test]
    public async Task RemoveMembershipAsync_OneOfTwoOwners_Removes_ThenTheOtherIsTheLast()
    {
        var (team, first) = await TeamWithOwnerAsync();
        var second = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner);
        await Store.AddMembershipAsync(second);

        Assert.That(await Store.RemoveMembershipAsync(team.Id, first.UserId), Is.EqualTo(MembershipChange.Applied));
        Assert.That(await Store.RemoveMembershipAsync(team.Id, second.UserId), Is.EqualTo(MembershipChange.LastOwner));
    }

    [Test]
    public async Task RemoveMembershipAsync_TwoOwnersRemovedAtOnce_OneStays()
    {
        var (team, first) = await TeamWithOwnerAsync();
        var second = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner);
        await Store.AddMembershipAsync(second);

        var removals = await Task.WhenAll(
            Task.Run(() => Store.RemoveMembershipAsync(team.Id, first.UserId)),
            Task.Run(() => Store.RemoveMembershipAsync(team.Id, second.UserId)));

        Assert.That(removals, Is.EquivalentTo(new[] { MembershipChange.Applied, MembershipChange.LastOwner }), "both owners were removed, or neither");
        Assert.That((await Store.ListMembershipsOfTeamAsync(team.Id)).Count(m => m.Role == TeamRole.Owner), Is.EqualTo(1), "the team has no owner left");
    }

    [Test]
    public async Task SetPasswordHashAsync_ReplacesOnlyTheHash()
    {
        var user = DirectoryRecords.User();
        var other = DirectoryRecords.User();
        await Store.AddUserAsync(user);
        await Store.AddUserAsync(other);

        var changed = await Store.SetPasswordHashAsync(user.Id, "new-hash");

        Assert.That(changed, Is.True);
        Assert.That(await Store.FindUserAsync(user.Id), Is.EqualTo(user with { PasswordHash = "new-hash" }), "another field changed, or the hash did not");
        Assert.That(await Store.FindUserByEmailAsync(user.Email), Is.EqualTo(user with { PasswordHash = "new-hash" }), "the user is no longer found by email");
        Assert.That(await Store.FindUserAsync(other.Id), Is.EqualTo(other), "another user's hash changed");
    }

    [Test]
    public async Task SetPasswordHashAsync_UnknownUser_ReturnsFalseAndCreatesNoOne()
    {
        var changed = await Store.SetPasswordHashAsync(Guid.NewGuid(), "new-hash");

        Assert.That(changed, Is.False);
        Assert.That(await Store.IsEmptyAsync(), Is.True, "setting an unknown user's password created a user");
    }

    private async Task<(Team Team, Membership Owner)> TeamWithOwnerAsync()
    {
        var team = DirectoryRecords.Team();
        var owner = DirectoryRecords.Membership(team.Id, Guid.NewGuid(), TeamRole.Owner);
        await Store.AddTeamAsync(team, owner);
        return (team, owner);
    }
}
