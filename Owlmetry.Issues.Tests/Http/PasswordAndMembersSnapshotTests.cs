using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of member role changes, member removal and the password routes, ids, tokens, passwords and times scrubbed.</summary>
public sealed class PasswordAndMembersSnapshotTests : HttpApiFixture
{
    [Test]
    public async Task RemoveMember_ResetAndChangePassword_Bodies()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));

        var reset = await (await owner.PostAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Admin].User.Id}/reset-password", null)).JsonAsync();
        reset["password"] = "<password>";
        var changed = await (await member.PostAsJsonAsync("/v1/auth/password",
            new { current_password = "correct horse battery staple", new_password = "a brand new passphrase" })).Content.ReadAsStringAsync();
        var wrong = await (await owner.PostAsJsonAsync("/v1/auth/password",
            new { current_password = "not it", new_password = "a brand new passphrase" })).BodyWithoutTraceIdAsync();
        var removed = await (await owner.DeleteAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Member].User.Id}")).Content.ReadAsStringAsync();
        var lastOwner = await (await owner.DeleteAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Owner].User.Id}")).BodyWithoutTraceIdAsync();

        Snapshot.Match(JsonSnapshot.Scrub(
            $"{{\"reset\":{reset.ToJsonString()},\"changed\":{changed},\"wrong_password\":{wrong},\"removed\":{removed},\"last_owner\":{lastOwner}}}"));
    }

    [Test]
    public async Task ChangeMemberRole_Bodies()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        var member = $"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Member].User.Id}";

        var changed = await (await owner.PatchAsJsonAsync(member, new { role = "admin" })).Content.ReadAsStringAsync();
        var badRole = await (await owner.PatchAsJsonAsync(member, new { role = "root" })).BodyWithoutTraceIdAsync();
        var lastOwner = await (await owner.PatchAsJsonAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Owner].User.Id}", new { role = "member" }))
            .BodyWithoutTraceIdAsync();

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"changed\":{changed},\"bad_role\":{badRole},\"last_owner\":{lastOwner}}}"));
    }
}
