using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary><c>owlmetry members list</c>, <c>members set-role</c>, <c>members remove</c>, <c>users reset-password</c> and <c>users change-password</c> against the test server.</summary>
public sealed class CliMembersAndPasswordsTests : CliApiFixture
{
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task MembersList_ShowsEveryMemberWithTheirRole()
    {
        await LoginWithTeamAsync(TeamRole.Member);

        var table = await RunAsync("members", "list");
        var json = await RunAsync("members", "list", "--json");

        Assert.That(table.Exit, Is.Zero, table.ToString());
        var lines = table.Out.TrimEnd().Split('\n');
        Assert.That(lines[0], Does.StartWith("USER").And.Contain("EMAIL").And.Contain("ROLE").And.Contain("JOINED"));
        foreach (var (role, (user, _)) in Team.Users)
        {
            Assert.That(lines.Any(line => line.Contains(user.Email) && line.Contains($" {role.ToString().ToLowerInvariant()} ")), Is.True, $"no line shows {user.Email} as {role}");
        }

        Assert.That(json.Exit, Is.Zero, json.ToString());
        Assert.That(JsonNode.Parse(json.Out)!.AsArray().Select(m => m!["role"]!.GetValue<string>()), Is.EquivalentTo(new[] { "owner", "admin", "member" }));
    }

    [Test]
    public async Task MembersSetRole_ByEmail_ChangesTheRole()
    {
        await LoginWithTeamAsync(TeamRole.Owner);
        var member = Team.Users[TeamRole.Member].User;

        var run = await RunAsync("members", "set-role", member.Email.ToUpperInvariant(), "--role", "admin");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"{member.Name} <{member.Email}> now has the admin role in the team"));
        Assert.That(await Team.RoleOfAsync(member.Id), Is.EqualTo(TeamRole.Admin));
    }

    [Test]
    public async Task MembersSetRole_Refused_ExitsOneWithTheServersMessage()
    {
        await LoginWithTeamAsync(TeamRole.Admin);

        var run = await RunAsync("members", "set-role", Team.Users[TeamRole.Member].User.Id.ToString(), "--role", "owner");

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: Only owners can give or take the owner role (403)"));
        Assert.That(await Team.RoleOfAsync(Team.Users[TeamRole.Member].User.Id), Is.EqualTo(TeamRole.Member));
    }

    [Test]
    public async Task MembersSetRole_WithoutRole_ExitsTwo()
    {
        await LoginAsync(Team.Token(TeamRole.Owner));

        var run = await RunAsync("members", "set-role", Team.Users[TeamRole.Member].User.Email);

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--role"));
    }

    [Test]
    public async Task MembersRemove_ByEmail_RemovesTheMember()
    {
        await LoginWithTeamAsync(TeamRole.Owner);
        var member = Team.Users[TeamRole.Member].User;

        var run = await RunAsync("members", "remove", member.Email.ToUpperInvariant());

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"Removed {member.Name} <{member.Email}>"));
        Assert.That((await Factory.Directory.ListMembershipsOfUserAsync(member.Id)), Is.Empty, "the member is still in the team");
    }

    [Test]
    public async Task MembersRemove_ByIdWithJson_PrintsDeleted()
    {
        await LoginWithTeamAsync(TeamRole.Owner);

        var run = await RunAsync("members", "remove", Team.Users[TeamRole.Admin].User.Id.ToString(), "--json");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(JsonNode.Parse(run.Out)!["deleted"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task MembersRemove_Refused_ExitsOneWithTheServersMessage()
    {
        await LoginWithTeamAsync(TeamRole.Admin);

        var owner = await RunAsync("members", "remove", Team.Users[TeamRole.Owner].User.Email);
        var nobody = await RunAsync("members", "remove", "nobody@example.com");

        Assert.That(owner.Exit, Is.EqualTo(1), owner.ToString());
        Assert.That(owner.Error, Does.StartWith("error: Only owners can remove owners (403)"));
        Assert.That(nobody.Exit, Is.EqualTo(1), nobody.ToString());
        Assert.That(nobody.Error, Does.StartWith("error: Member not found (404)"));
    }

    [Test]
    public async Task MembersRemove_WithoutUser_ExitsTwo()
    {
        await LoginAsync(Team.Token(TeamRole.Owner));

        var run = await RunAsync("members", "remove");

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("Required argument missing").And.Contain("owlmetry members remove --help"));
    }

    [Test]
    public async Task UsersResetPassword_PrintsAPasswordThatLogsIn()
    {
        await LoginWithTeamAsync(TeamRole.Owner);
        var member = Team.Users[TeamRole.Member].User;

        var text = await RunAsync("users", "reset-password", member.Email);
        var json = await RunAsync("users", "reset-password", member.Email, "--json");

        Assert.That(text.Exit, Is.Zero, text.ToString());
        Assert.That(text.Out, Does.StartWith($"New password for {member.Name} <{member.Email}>, shown only now:"));
        Assert.That(json.Exit, Is.Zero, json.ToString());
        var password = JsonNode.Parse(json.Out)!.Text("password");
        var login = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--email", member.Email, "--profile", "member"], password + "\n");
        Assert.That(login.Exit, Is.Zero, login.ToString());
    }

    [Test]
    public async Task UsersResetPassword_AdminOnOwner_ExitsOne()
    {
        await LoginWithTeamAsync(TeamRole.Admin);

        var run = await RunAsync("users", "reset-password", Team.Users[TeamRole.Owner].User.Id.ToString());

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: Only owners can reset an owner's password (403)"));
    }

    [Test]
    public async Task UsersChangePassword_KeepsTheProfileWorking_AndTheOldPasswordNoLonger()
    {
        var member = Team.Users[TeamRole.Member].User;
        var login = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--email", member.Email], Password + "\n");
        Assert.That(login.Exit, Is.Zero, login.ToString());

        var change = await RunAsync(["users", "change-password"], $"{Password}\na brand new passphrase\n");
        var whoami = await RunAsync("whoami");
        var oldPassword = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--email", member.Email, "--profile", "again"], Password + "\n");

        Assert.That(change.Exit, Is.Zero, change.ToString());
        Assert.That(change.Out, Does.Contain($"Password changed for {member.Email}"));
        Assert.That(whoami.Exit, Is.Zero, "the profile's token stopped working: " + whoami);
        Assert.That(oldPassword.Exit, Is.EqualTo(1), oldPassword.ToString());
    }

    [Test]
    public async Task UsersChangePassword_WrongCurrent_ExitsOne_MissingInput_ExitsTwo()
    {
        await LoginAsync(Team.Token(TeamRole.Member));

        var wrong = await RunAsync(["users", "change-password"], "not my password\na brand new passphrase\n");
        var missing = await RunAsync(["users", "change-password"], "only one line\n");

        Assert.That(wrong.Exit, Is.EqualTo(1), wrong.ToString());
        Assert.That(wrong.Error, Does.StartWith("error: Current password is incorrect (403)"));
        Assert.That(missing.Exit, Is.EqualTo(2), missing.ToString());
    }

    private async Task LoginWithTeamAsync(TeamRole role)
    {
        var login = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", Team.Token(role), "--team", Team.Team.Id.ToString());
        Assert.That(login.Exit, Is.Zero, login.ToString());
    }
}
