using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary><c>DELETE /v1/teams/:teamId/members/:userId</c>: who may remove whom, the last owner, and the removed user's access.</summary>
public sealed class TeamMemberRemovalApiTests : HttpApiFixture
{
    [Test]
    public async Task RemoveMember_ByOwner_Is200_AndTheUsersTokenNoLongerReachesTheTeam()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        var issue = await Team.SeedIssueAsync();
        Assert.That((await member.GetAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the member could not read the issue before");

        var response = await owner.DeleteAsync(MemberPath(TeamRole.Member));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync())["deleted"]!.GetValue<bool>(), Is.True);
        Assert.That((await member.GetAsync($"/v1/teams/{Team.Team.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the removed member still sees the team");
        Assert.That((await member.GetAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the removed member's token still reads the team's issues");
        Assert.That((await member.GetAsync($"/v1/projects/{Team.Project.Id}/issues")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the removed member's token still lists the team's issues");
        Assert.That((await member.PostAsJsonAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/comments", new { body = "still here?" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "the removed member's token can still comment");
        var me = await (await member.GetAsync("/v1/auth/me")).JsonAsync();
        Assert.That(me["teams"]!.AsArray(), Is.Empty, "the removed member's session still lists the team");
        var team = await (await owner.GetAsync($"/v1/teams/{Team.Team.Id}")).JsonAsync();
        Assert.That(team["members"]!.AsArray().Select(m => m!.Text("email")), Does.Not.Contain(Team.Users[TeamRole.Member].User.Email));
    }

    [Test]
    public async Task RemoveMember_AdminRemovesMemberAndAdmin_Is200()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var otherAdmin = await Team.AddUserAsync(TeamRole.Admin);

        var member = await admin.DeleteAsync(MemberPath(TeamRole.Member));
        var secondAdmin = await admin.DeleteAsync($"/v1/teams/{Team.Team.Id}/members/{otherAdmin}");

        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.OK), await member.Content.ReadAsStringAsync());
        Assert.That(secondAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK), await secondAdmin.Content.ReadAsStringAsync());
        Assert.That((await Factory.Directory.ListMembershipsOfTeamAsync(Team.Team.Id)).Select(m => m.Role), Is.EquivalentTo(new[] { TeamRole.Owner, TeamRole.Admin }));
    }

    [Test]
    public async Task RemoveMember_AdminRemovesOwner_Is403AndTheOwnerStays()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        await Team.AddUserAsync(TeamRole.Owner);

        var response = await admin.DeleteAsync(MemberPath(TeamRole.Owner));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only owners can remove owners"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Owner].User.Id), Is.EqualTo(TeamRole.Owner));
    }

    [TestCase(TeamRole.Admin)]
    [TestCase(TeamRole.Owner)]
    public async Task RemoveMember_MemberRemovesSomeoneElse_Is403(TeamRole target)
    {
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await member.DeleteAsync(MemberPath(target));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only team owners and admins can remove members"));
        Assert.That(await Team.RoleOfAsync(Team.Users[target].User.Id), Is.EqualTo(target), "the member removed someone");
    }

    [TestCase(TeamRole.Member)]
    [TestCase(TeamRole.Admin)]
    public async Task RemoveMember_Themselves_LeavesTheTeam(TeamRole role)
    {
        using var client = Team.ClientWith(Team.Token(role));

        var response = await client.DeleteAsync(MemberPath(role));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await Team.RoleOfAsync(Team.Users[role].User.Id), Is.Null);
        Assert.That((await client.GetAsync($"/v1/teams/{Team.Team.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RemoveMember_LastOwnerLeaves_Is409_UntilThereIsASecondOwner()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var refused = await owner.DeleteAsync(MemberPath(TeamRole.Owner));
        await Team.AddUserAsync(TeamRole.Owner);
        var left = await owner.DeleteAsync(MemberPath(TeamRole.Owner));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.ErrorAsync(), Does.StartWith("A team must keep an owner"));
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.OK), await left.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task RemoveMember_OwnerOfAnotherTeam_Is404WhateverTheIds()
    {
        var other = await CreateOtherTeamAsync();
        using var outsider = Team.ClientWith(other.Token(TeamRole.Owner));

        var theirTeam = await outsider.DeleteAsync(MemberPath(TeamRole.Member));
        var viaOwnTeam = await outsider.DeleteAsync($"/v1/teams/{other.Team.Id}/members/{Team.Users[TeamRole.Member].User.Id}");

        Assert.That(theirTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await theirTeam.ErrorAsync(), Is.EqualTo("Team not found"));
        Assert.That(viaOwnTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await viaOwnTeam.ErrorAsync(), Is.EqualTo("Member not found"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Member));
    }

    [Test]
    public async Task RemoveMember_UnknownUserOrMalformedId_Is404()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var unknown = await owner.DeleteAsync($"/v1/teams/{Team.Team.Id}/members/{Guid.NewGuid()}");
        var malformed = await owner.DeleteAsync($"/v1/teams/{Team.Team.Id}/members/not-a-uuid");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.ErrorAsync(), Is.EqualTo("Member not found"));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await malformed.ErrorAsync(), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task RemoveMember_WithAgentKey_Is403()
    {
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));

        var response = await agent.DeleteAsync(MemberPath(TeamRole.Member));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only users can remove team members"));
    }

    private string MemberPath(TeamRole role) => $"/v1/teams/{Team.Team.Id}/members/{Team.Users[role].User.Id}";
}
