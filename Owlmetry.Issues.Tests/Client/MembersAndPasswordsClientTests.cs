using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

/// <summary>Member role changes, removal and the password routes through the client, with the server's refusals as exceptions.</summary>
public sealed class MembersAndPasswordsClientTests : HttpApiFixture
{
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task RemoveTeamMemberAsync_ByOwner_TheMemberNoLongerSeesTheTeam()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var member = ClientFor(Team.Token(TeamRole.Member));

        await owner.RemoveTeamMemberAsync(Team.Team.Id, Team.Users[TeamRole.Member].User.Id);

        var gone = Assert.ThrowsAsync<OwlmetryApiException>(() => member.GetTeamAsync(Team.Team.Id));
        Assert.That(gone!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await owner.GetTeamAsync(Team.Team.Id)).Members.Select(m => m.Role), Is.EquivalentTo(new[] { "owner", "admin" }));
    }

    [Test]
    public void RemoveTeamMemberAsync_Refusals_CarryStatusAndError()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var admin = ClientFor(Team.Token(TeamRole.Admin));

        var lastOwner = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.RemoveTeamMemberAsync(Team.Team.Id, Team.Users[TeamRole.Owner].User.Id));
        var adminOnOwner = Assert.ThrowsAsync<OwlmetryApiException>(() => admin.RemoveTeamMemberAsync(Team.Team.Id, Team.Users[TeamRole.Owner].User.Id));
        var unknown = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.RemoveTeamMemberAsync(Team.Team.Id, Guid.NewGuid()));

        Assert.That((lastOwner!.StatusCode, adminOnOwner!.StatusCode, unknown!.StatusCode), Is.EqualTo((HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.NotFound)));
        Assert.That(adminOnOwner.Error, Is.EqualTo("Only owners can remove owners"));
        Assert.That(unknown.Error, Is.EqualTo("Member not found"));
    }

    [Test]
    public async Task ChangeTeamMemberRoleAsync_ByOwner_ReturnsTheMemberWithTheNewRole()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var member = Team.Users[TeamRole.Member].User;

        var changed = await owner.ChangeTeamMemberRoleAsync(Team.Team.Id, member.Id, "admin");

        Assert.That((changed.UserId, changed.Email, changed.Role), Is.EqualTo((member.Id, member.Email, "admin")));
        Assert.That((await owner.GetTeamAsync(Team.Team.Id)).Members.Single(m => m.UserId == member.Id).Role, Is.EqualTo("admin"), "the team lists the old role");
    }

    [Test]
    public void ChangeTeamMemberRoleAsync_Refusals_CarryStatusAndError()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var admin = ClientFor(Team.Token(TeamRole.Admin));

        var lastOwner = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.ChangeTeamMemberRoleAsync(Team.Team.Id, Team.Users[TeamRole.Owner].User.Id, "member"));
        var adminOnOwner = Assert.ThrowsAsync<OwlmetryApiException>(() => admin.ChangeTeamMemberRoleAsync(Team.Team.Id, Team.Users[TeamRole.Owner].User.Id, "admin"));
        var badRole = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.ChangeTeamMemberRoleAsync(Team.Team.Id, Team.Users[TeamRole.Member].User.Id, "root"));

        Assert.That((lastOwner!.StatusCode, adminOnOwner!.StatusCode, badRole!.StatusCode), Is.EqualTo((HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest)));
        Assert.That(adminOnOwner.Error, Is.EqualTo("Only owners can give or take the owner role"));
        Assert.That(badRole.Error, Does.Contain("owner, admin, member"));
    }

    [Test]
    public async Task ChangePasswordAsync_ReturnsATokenThatWorks_AndTheOldOneStops()
    {
        var before = ClientFor(Team.Token(TeamRole.Member));

        var changed = await before.ChangePasswordAsync(Password, "a brand new passphrase");

        var stale = Assert.ThrowsAsync<OwlmetryApiException>(() => before.GetCurrentUserAsync());
        Assert.That(stale!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ClientFor(changed.Token).GetCurrentUserAsync()).User.Id, Is.EqualTo(Team.Users[TeamRole.Member].User.Id));
        Assert.That((await ClientFor(null).LoginAsync(changed.User.Email, "a brand new passphrase")).Token, Is.Not.Empty);
    }

    [Test]
    public void ChangePasswordAsync_WrongCurrentOrShortNew_Throws()
    {
        var member = ClientFor(Team.Token(TeamRole.Member));

        var wrong = Assert.ThrowsAsync<OwlmetryApiException>(() => member.ChangePasswordAsync("not it", "a brand new passphrase"));
        var shortNew = Assert.ThrowsAsync<OwlmetryApiException>(() => member.ChangePasswordAsync(Password, "short"));

        Assert.That(wrong!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(wrong.Error, Is.EqualTo("Current password is incorrect"));
        Assert.That(shortNew!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shortNew.Error, Does.StartWith("new_password must be"));
    }

    [Test]
    public async Task ResetMemberPasswordAsync_ByOwner_TheNewPasswordLogsIn()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var user = Team.Users[TeamRole.Admin].User;

        var reset = await owner.ResetMemberPasswordAsync(Team.Team.Id, user.Id);

        Assert.That(reset.User.Email, Is.EqualTo(user.Email));
        Assert.That((await ClientFor(null).LoginAsync(user.Email, reset.Password)).User.Id, Is.EqualTo(user.Id));
    }

    [Test]
    public async Task ResetMemberPasswordAsync_AdminOnOwnerOrOtherTeam_Throws()
    {
        var admin = ClientFor(Team.Token(TeamRole.Admin));
        var other = await CreateOtherTeamAsync();
        var outsider = ClientFor(other.Token(TeamRole.Owner));

        var onOwner = Assert.ThrowsAsync<OwlmetryApiException>(() => admin.ResetMemberPasswordAsync(Team.Team.Id, Team.Users[TeamRole.Owner].User.Id));
        var crossTeam = Assert.ThrowsAsync<OwlmetryApiException>(() => outsider.ResetMemberPasswordAsync(Team.Team.Id, Team.Users[TeamRole.Member].User.Id));

        Assert.That(onOwner!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(crossTeam!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(crossTeam.Error, Is.EqualTo("Team not found"));
    }
}
