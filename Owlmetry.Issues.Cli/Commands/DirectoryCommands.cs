using System.CommandLine;
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
            run.Output.Show(caller, w => w.WriteLine($"{caller.Name} ({caller.Type}{(caller.KeyType is { } k ? $", {k} key" : string.Empty)}) on {run.Profile.Server}"));
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
        var type = new Option<string>("--type") { Description = "agent (default), client or import", DefaultValueFactory = _ => "agent" };
        var permissions = new Option<string[]>("--permission") { Description = "A permission, e.g. issues:read (repeat for more; default: the kind's)", AllowMultipleArgumentsPerToken = false };
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
                w.WriteLine($"Created {key.KeyType} key {key.Id} ({string.Join(", ", key.Permissions)}). Its secret, shown only now:");
                w.WriteLine(key.Secret);
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
        var members = CliApp.Command("members", "Add people to a team.", "owlmetry members add jane@example.com --role admin");
        var email = new Argument<string>("email") { Description = "The user's email" };
        var role = new Option<string?>("--role") { Description = "owner, admin or member (default)" };
        var name = new Option<string?>("--name") { Description = "For a new user: their name; the password is read from standard input" };
        var add = CliApp.Command(
            "add",
            "Add a user to a team: an existing user by email, or a new one with --name (password on standard input).",
            "echo \"$PASSWORD\" | owlmetry members add jane@example.com --name Jane --role admin", email, role, name, app.TeamOption);
        app.OnRun(add, async run =>
        {
            var newName = run.Value(name);
            var password = newName is null ? null : await app.Context.In.ReadLineAsync(run.Ct) ?? throw new UsageException("A new user needs a password on standard input.");
            var member = await run.Client.AddTeamMemberAsync(run.Team(app.TeamOption), new AddMemberRequest(run.Value(email), newName, password, run.Value(role)), run.Ct);
            run.Output.Show(member, w => w.WriteLine($"{member.Name} <{member.Email}> is a {member.Role} of the team"));
        });
        members.Subcommands.Add(add);
        return members;
    }
}
