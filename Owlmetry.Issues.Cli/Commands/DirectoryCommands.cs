using System.CommandLine;
using System.Net;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli.Commands;

internal static class DirectoryCommands
{
    public static Command WhoAmI(CliApp app)
    {
        var command = CliApp.Command("whoami", "Show who the profile's credential is.", "owlmetry whoami --profile ci");
        app.OnRun(command, async run =>
        {
            var caller = await run.Client.WhoAmIAsync(run.Ct);
            run.Output.Show(caller, w => w.WriteLine(
                $"{TerminalText.Line(caller.Name)} ({TerminalText.Line(caller.Type)}{(caller.KeyType is { } k ? $", {TerminalText.Line(k)} key" : string.Empty)}) on {run.Profile.Server}"));
        });
        return command;
    }

    public static Command Projects(CliApp app)
    {
        var command = CliApp.Command("projects", "List the projects you can see.", "owlmetry projects --json");
        app.OnRun(command, async run =>
        {
            var projects = await run.Client.ListProjectsAsync(run.Ct);
            run.Output.Table(projects, ("id", p => p.Id.ToString()), ("team", p => p.TeamId.ToString()), ("slug", p => p.Slug), ("name", p => p.Name));
        });
        return command;
    }

    public static Command Apps(CliApp app)
    {
        var command = CliApp.Command("apps", "List the apps you can see, of one project with --project.", "owlmetry apps --project 3f0c…", app.ProjectOption, app.TeamOption);
        app.OnRun(command, async run =>
        {
            var apps = await run.Client.ListAppsAsync(run.Parse.GetValue(app.TeamOption), run.Parse.GetValue(app.ProjectOption), run.Ct);
            run.Output.Table(apps, ("id", a => a.Id.ToString()), ("project", a => a.ProjectId.ToString()), ("platform", a => a.Platform), ("name", a => a.Name));
        });
        return command;
    }

    public static Command Keys(CliApp app)
    {
        var keys = CliApp.Command("keys", "Create, list and revoke API keys.", "owlmetry keys create --name triage-bot --permission issues:read --permission issues:write");

        var list = CliApp.Command("list", "List the API keys you can see (never their secrets).", "owlmetry keys list");
        app.OnRun(list, async run =>
        {
            var all = await run.Client.ListApiKeysAsync(run.Ct);
            run.Output.Table(all, ("id", k => k.Id.ToString()), ("type", k => k.KeyType), ("name", k => k.Name), ("permissions", k => string.Join(',', k.Permissions)));
        });

        var name = new Option<string>("--name") { Description = "The key's name", Required = true };
        var type = new Option<string>("--type") { Description = "agent (default) or client", DefaultValueFactory = _ => "agent" }.Suggesting(CompletionValues.KeyTypes);
        var permissions = new Option<string[]>("--permission") { Description = "A permission, e.g. issues:read (repeat for more; default: the kind's)", AllowMultipleArgumentsPerToken = false }.Suggesting(CompletionValues.Permissions);
        var appId = new Option<Guid?>("--app") { Description = "The app of a client key" };
        var expires = new Option<int?>("--expires-in-days") { Description = "Days until it stops working (default: never)" };
        var create = CliApp.Command(
            "create", "Create an API key; its secret is printed once.", "owlmetry keys create --name triage-bot --permission issues:read --permission issues:write",
            name, type, permissions, appId, expires, app.TeamOption);

        app.OnRun(create, async run =>
        {
            var chosen = run.Parse.GetValue(permissions) is { Length: > 0 } p ? p : null;
            var team = run.Parse.GetValue(app.TeamOption) ?? (run.Parse.GetValue(appId) is null ? run.Team(app.TeamOption) : null);
            var key = await run.Client.CreateApiKeyAsync(
                new CreateApiKeyRequest(run.Value(name), run.Value(type), team?.ToString(), run.Value(appId)?.ToString(), chosen, run.Value(expires)), run.Ct);
            run.Output.Show(key, w =>
            {
                w.WriteLine($"Created {TerminalText.Line(key.KeyType)} key {key.Id} ({TerminalText.Line(string.Join(", ", key.Permissions))}). Its secret, shown only now:");
                w.WriteLine(TerminalText.Line(key.Secret));
            });
        });

        var keyId = new Argument<Guid>("key") { Description = "The key id" };
        var revoke = CliApp.Command("revoke", "Revoke an API key: it stops working at once.", "owlmetry keys revoke 7e2a…", keyId);
        app.OnRun(revoke, async run =>
        {
            await run.Client.RevokeApiKeyAsync(run.Value(keyId), run.Ct);
            run.Output.Show(new { deleted = true }, w => w.WriteLine($"Revoked key {run.Value(keyId)}"));
        });

        keys.Subcommands.Add(list);
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    public static Command Members(CliApp app)
    {
        var members = CliApp.Command("members", "List a team's people, add them, change their roles, or remove them.", "owlmetry members add jane@example.com --role admin");
        var list = CliApp.Command("list", "List the team's members with their roles, the earliest to join first.", "owlmetry members list --team 9b1d…", app.TeamOption);
        app.OnRun(list, async run =>
        {
            var team = await run.Client.GetTeamAsync(run.Team(app.TeamOption), run.Ct);
            run.Output.Table(team.Members, ("user", m => m.UserId.ToString()), ("email", m => m.Email), ("name", m => m.Name), ("role", m => m.Role),
                ("joined", m => IssueCommands.Time(m.JoinedAt)));
        });
        members.Subcommands.Add(list);
        var email = new Argument<string>("email") { Description = "The user's email" };
        var role = new Option<string?>("--role") { Description = "owner, admin or member (default)" }.Suggesting(CompletionValues.Roles);
        var name = new Option<string?>("--name")
        {
            Description = "For a new user: their name; their password is typed at a prompt that does not show it, or read from standard input when that is a pipe",
        };
        var add = CliApp.Command(
            "add",
            "Add a user to a team: an existing user by email, or a new one with --name (their password typed at a prompt, or on standard input).",
            "echo \"$PASSWORD\" | owlmetry members add jane@example.com --name Jane --role admin", email, role, name, app.TeamOption);
        app.OnRun(add, async run =>
        {
            var newName = run.Value(name);
            var password = newName is null ? null
                : await app.Context.ReadPasswordAsync("Password for the new user: ", run.Ct) ?? throw new UsageException("A new user needs a password on standard input.");
            var member = await run.Client.AddTeamMemberAsync(run.Team(app.TeamOption), new AddMemberRequest(run.Value(email), newName, password, run.Value(role)), run.Ct);
            run.Output.Show(member, w => w.WriteLine($"{TerminalText.Line(member.Name)} <{TerminalText.Line(member.Email)}> has the {TerminalText.Line(member.Role)} role in the team"));
        });
        members.Subcommands.Add(add);
        members.Subcommands.Add(ChangeMemberRole(app));
        members.Subcommands.Add(RemoveMember(app));
        return members;
    }

    private static Command ChangeMemberRole(CliApp app)
    {
        var user = UserArgument();
        var role = new Option<string>("--role") { Description = "owner, admin or member", Required = true }.Suggesting(CompletionValues.Roles);
        var setRole = CliApp.Command(
            "set-role",
            "Give a member another role (an owner or admin; only owners give or take the owner role). The team's last owner stays an owner.",
            "owlmetry members set-role jane@example.com --role admin --team 9b1d…", user, role, app.TeamOption);
        app.OnRun(setRole, async run =>
        {
            var team = run.Team(app.TeamOption);
            var member = await FindMemberAsync(run, team, run.Value(user));
            var changed = await run.Client.ChangeTeamMemberRoleAsync(team, member.UserId, run.Value(role), run.Ct);
            run.Output.Show(changed, w => w.WriteLine(
                $"{TerminalText.Line(changed.Name)} <{TerminalText.Line(changed.Email)}> now has the {TerminalText.Line(changed.Role)} role in the team"));
        });
        return setRole;
    }

    private static Command RemoveMember(CliApp app)
    {
        var user = UserArgument();
        var remove = CliApp.Command(
            "remove",
            "Remove a member from a team (an owner or admin; only owners remove owners), or yourself to leave it. The team's last owner stays.",
            "owlmetry members remove jane@example.com --team 9b1d…", user, app.TeamOption);
        app.OnRun(remove, async run =>
        {
            var team = run.Team(app.TeamOption);
            var member = await FindMemberAsync(run, team, run.Value(user));
            await run.Client.RemoveTeamMemberAsync(team, member.UserId, run.Ct);
            run.Output.Show(new DeletedResponse(true), w => w.WriteLine($"Removed {TerminalText.Line(member.Label)} from team {team}"));
        });
        return remove;
    }

    public static Command Users(CliApp app)
    {
        var users = CliApp.Command("users", "Passwords: reset a member's, or change your own.", "owlmetry users reset-password jane@example.com");

        var user = UserArgument();
        var reset = CliApp.Command(
            "reset-password",
            "Give a member of your team a new random password, printed once; their earlier sessions end. You must administer every team of theirs "
            + "(and own those they own). An operator without such a login runs `Owlmetry.Issues.Host users reset-password --email EMAIL` on the server.",
            "owlmetry users reset-password jane@example.com --team 9b1d…", user, app.TeamOption);
        app.OnRun(reset, async run =>
        {
            var team = run.Team(app.TeamOption);
            var member = await FindMemberAsync(run, team, run.Value(user));
            var result = await run.Client.ResetMemberPasswordAsync(team, member.UserId, run.Ct);
            run.Output.Show(result, w =>
            {
                w.WriteLine($"New password for {TerminalText.Line(result.User.Name)} <{TerminalText.Line(result.User.Email)}>, shown only now:");
                w.WriteLine(TerminalText.Line(result.Password));
            });
        });

        var change = CliApp.Command(
            "change-password",
            "Change your own password (a profile logged in with --email): the current and the new password are typed at two prompts that do not "
            + "show them, or read from standard input, one a line, when that is a pipe. Your other sessions end; the profile keeps working with the new token.",
            "printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | owlmetry users change-password");
        app.OnRun(change, async run =>
        {
            var current = await app.Context.ReadPasswordAsync("Current password: ", run.Ct);
            var next = await app.Context.ReadPasswordAsync("New password: ", run.Ct);
            if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
            {
                throw new UsageException(app.Context.PasswordsAreTyped
                    ? "Type the current and the new password when asked; neither may be empty."
                    : "Give the current and the new password on standard input, one a line.");
            }

            var login = await run.Client.ChangePasswordAsync(current, next, run.Ct);
            run.Profiles.Save(run.ProfileName, run.Profile with { Credential = login.Token });
            run.Output.Show(login.User, w => w.WriteLine($"Password changed for {TerminalText.Line(login.User.Email)}; profile '{run.ProfileName}' has the new token"));
        });

        users.Subcommands.Add(reset);
        users.Subcommands.Add(change);
        return users;
    }

    private static Argument<string> UserArgument() => new("user") { Description = "The member's email or user id" };

    /// <summary>
    /// The team's member with this email (looked up in the team), or a user id as given (the server then answers for it).
    /// An email no member has is the answer the server gives for an id no member has: 404, exit code 1.
    /// </summary>
    private static async Task<(Guid UserId, string Label)> FindMemberAsync(Invocation run, Guid team, string user)
    {
        if (Guid.TryParse(user, out var id))
        {
            return (id, $"user {id}");
        }

        var members = (await run.Client.GetTeamAsync(team, run.Ct)).Members;
        return members.FirstOrDefault(m => string.Equals(m.Email, user.Trim(), StringComparison.OrdinalIgnoreCase)) is { } member
            ? (member.UserId, $"{member.Name} <{member.Email}>")
            : throw new OwlmetryApiException(HttpStatusCode.NotFound, "Member not found", "GET", $"v1/teams/{team}");
    }
}
