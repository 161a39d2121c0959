using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary><c>PATCH /v1/teams/:teamId/members/:userId</c>: who may give whom which role, the last owner, and the new role's reach.</summary>
public sealed class TeamMemberRoleApiTests : HttpApiFixture
{
    [Test]
    public async Task ChangeRole_OwnerMakesMemberAnAdmin_Is200_AndTheUsersTokenActsAsAdminAtOnce()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        Assert.That((await AddMemberWith(member)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a member could add members before");

        var response = await owner.PatchAsJsonAsync(MemberPath(TeamRole.Member), new { role = "admin" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.Text("role"), Is.EqualTo("admin"));
        Assert.That(body.Text("user_id"), Is.EqualTo(Team.Users[TeamRole.Member].User.Id.ToString()));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Admin));
        Assert.That((await AddMemberWith(member)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the promoted member's token still acts as a member");
        var me = await (await member.GetAsync("/v1/auth/me")).JsonAsync();
        Assert.That(me["teams"]!.AsArray().Single()!.Text("role"), Is.EqualTo("admin"), "the user's session lists the old role");
    }

    [Test]
    public async Task ChangeRole_AdminDemotesAnotherAdminAndThemselves_Is200_AndTheyNoLongerAdminister()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var otherAdmin = await Team.AddUserAsync(TeamRole.Admin);

        var other = await admin.PatchAsJsonAsync($"/v1/teams/{Team.Team.Id}/members/{otherAdmin}", new { role = "member" });
        var self = await admin.PatchAsJsonAsync(MemberPath(TeamRole.Admin), new { role = "member" });

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), await other.Content.ReadAsStringAsync());
        Assert.That(self.StatusCode, Is.EqualTo(HttpStatusCode.OK), await self.Content.ReadAsStringAsync());
        Assert.That(await Team.RoleOfAsync(otherAdmin), Is.EqualTo(TeamRole.Member));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Admin].User.Id), Is.EqualTo(TeamRole.Member));
        Assert.That((await AddMemberWith(admin)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the demoted admin's token still adds members");
    }

    [TestCase(TeamRole.Member, "owner")]
    [TestCase(TeamRole.Admin, "owner")]
    [TestCase(TeamRole.Owner, "admin")]
    [TestCase(TeamRole.Owner, "member")]
    public async Task ChangeRole_AdminGivesOrTakesTheOwnerRole_Is403AndNothingChanges(TeamRole target, string role)
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        await Team.AddUserAsync(TeamRole.Owner);

        var response = await admin.PatchAsJsonAsync(MemberPath(target), new { role });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only owners can give or take the owner role"));
        Assert.That(await Team.RoleOfAsync(Team.Users[target].User.Id), Is.EqualTo(target));
    }

    [TestCase(TeamRole.Member)]
    [TestCase(TeamRole.Admin)]
    public async Task ChangeRole_OwnerPromotesToOwner_Is200(TeamRole target)
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PatchAsJsonAsync(MemberPath(target), new { role = "owner" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await Team.RoleOfAsync(Team.Users[target].User.Id), Is.EqualTo(TeamRole.Owner));
    }

    [TestCase(TeamRole.Member, TeamRole.Member, "admin")]
    [TestCase(TeamRole.Member, TeamRole.Admin, "member")]
    public async Task ChangeRole_ByAMember_Is403(TeamRole caller, TeamRole target, string role)
    {
        using var member = Team.ClientWith(Team.Token(caller));

        var response = await member.PatchAsJsonAsync(MemberPath(target), new { role });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only team owners and admins can change members' roles"));
        Assert.That(await Team.RoleOfAsync(Team.Users[target].User.Id), Is.EqualTo(target), "a member changed a role");
    }

    [Test]
    public async Task ChangeRole_LastOwnerStepsDown_Is409_UntilThereIsASecondOwner()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var refused = await owner.PatchAsJsonAsync(MemberPath(TeamRole.Owner), new { role = "admin" });
        var unchanged = await Team.RoleOfAsync(Team.Users[TeamRole.Owner].User.Id);
        await owner.PatchAsJsonAsync(MemberPath(TeamRole.Admin), new { role = "owner" });
        var steppedDown = await owner.PatchAsJsonAsync(MemberPath(TeamRole.Owner), new { role = "admin" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.ErrorAsync(), Does.StartWith("A team must keep an owner"));
        Assert.That(unchanged, Is.EqualTo(TeamRole.Owner), "the refused change took the owner role anyway");
        Assert.That(steppedDown.StatusCode, Is.EqualTo(HttpStatusCode.OK), await steppedDown.Content.ReadAsStringAsync());
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Owner].User.Id), Is.EqualTo(TeamRole.Admin));
    }

    [Test]
    public async Task ChangeRole_ToTheSameRole_Is200AndKeepsIt()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PatchAsJsonAsync(MemberPath(TeamRole.Owner), new { role = "owner" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync()).Text("role"), Is.EqualTo("owner"));
    }

    [TestCase("""{"role":"superuser"}""")]
    [TestCase("""{"role":"Admin"}""")]
    [TestCase("""{"role":null}""")]
    [TestCase("""{"role":3}""")]
    [TestCase("{}")]
    [TestCase("")]
    public async Task ChangeRole_WithoutAValidRole_Is400NamingTheRoles(string body)
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PatchAsync(MemberPath(TeamRole.Member), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Does.Contain("role"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Member));
    }

    [Test]
    public async Task ChangeRole_OwnerOfAnotherTeam_Is404WhateverTheIds()
    {
        var other = await CreateOtherTeamAsync();
        using var outsider = Team.ClientWith(other.Token(TeamRole.Owner));

        var theirTeam = await outsider.PatchAsJsonAsync(MemberPath(TeamRole.Member), new { role = "owner" });
        var viaOwnTeam = await outsider.PatchAsJsonAsync($"/v1/teams/{other.Team.Id}/members/{Team.Users[TeamRole.Member].User.Id}", new { role = "owner" });

        Assert.That(theirTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await theirTeam.ErrorAsync(), Is.EqualTo("Team not found"));
        Assert.That(viaOwnTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await viaOwnTeam.ErrorAsync(), Is.EqualTo("Member not found"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Member));
        Assert.That((await Factory.Directory.ListMembershipsOfUserAsync(Team.Users[TeamRole.Member].User.Id)).Select(m => m.TeamId),
            Is.EqualTo(new[] { Team.Team.Id }), "the outsider's call added the user to their own team");
    }

    [Test]
    public async Task ChangeRole_UnknownUserOrMalformedId_Is404()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var unknown = await owner.PatchAsJsonAsync($"/v1/teams/{Team.Team.Id}/members/{Guid.NewGuid()}", new { role = "admin" });
        var malformed = await owner.PatchAsJsonAsync($"/v1/teams/{Team.Team.Id}/members/not-a-uuid", new { role = "admin" });

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.ErrorAsync(), Is.EqualTo("Member not found"));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ChangeRole_WithAgentKey_Is403()
    {
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));

        var response = await agent.PatchAsJsonAsync(MemberPath(TeamRole.Member), new { role = "owner" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only users can change members' roles"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Member));
    }

    private string MemberPath(TeamRole role) => $"/v1/teams/{Team.Team.Id}/members/{Team.Users[role].User.Id}";

    private Task<HttpResponseMessage> AddMemberWith(HttpClient client) => client.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/members",
        new { email = $"new-{Guid.NewGuid():N}@example.com", name = "A new member", password = "a long password" });
}
