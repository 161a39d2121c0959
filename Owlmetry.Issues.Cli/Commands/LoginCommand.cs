using System.CommandLine;
using System.Net;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli.Commands;

internal static class LoginCommand
{
    public static Command Create(CliApp app)
    {
        var server = new Option<string>("--server") { Description = "The server's address, e.g. http://localhost:4000", Required = true };
        var token = new Option<string?>("--token") { Description = "An API key (owl_agent_…) or a user token" };
        var tokenStdin = new Option<bool>("--token-stdin")
        {
            Description = "Read the API key or token from standard input instead (typed at a prompt that does not show it when that is a terminal): "
                + "it then stays out of the process list and the shell's history",
        };
        var email = new Option<string?>("--email")
        {
            Description = "Log in as this user instead; the password is typed at a prompt that does not show it, or read from standard input when that is a pipe",
        };
        var command = CliApp.Command(
            "login",
            "Check a credential against a server and save it as a profile (in a file only you can read), with a default team and project.",
            "owlmetry login --server http://localhost:4000 --token owl_agent_… --project 3f0c…", server, token, tokenStdin, email, app.ProjectOption, app.TeamOption);
        app.OnRun(command, async run =>
        {
            var address = Uri.TryCreate(run.Value(server), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new UsageException($"--server must be an http(s) address, e.g. http://localhost:4000 (got '{run.Value(server)}').");
            var credential = run.Value(token);
            if (run.Value(tokenStdin))
            {
                if (credential is not null)
                {
                    throw new UsageException("Pass --token KEY or --token-stdin, not both.");
                }

                credential = (await app.Context.ReadPasswordAsync("Token: ", run.Ct))?.Trim() is { Length: > 0 } read ? read
                    : throw new UsageException(app.Context.PasswordsAreTyped ? "No token typed." : "No token on standard input.");
            }

            if (credential is null)
            {
                var user = run.Value(email) ?? throw new UsageException("Pass --token KEY (or --token-stdin), or --email ADDRESS "
                    + (app.Context.PasswordsAreTyped ? "and type the password when asked." : "with the password on standard input."));
                var password = await app.Context.ReadPasswordAsync("Password: ", run.Ct) ?? throw new UsageException("No password on standard input.");
                credential = (await run.ClientFor(address, null).LoginAsync(user, password, run.Ct)).Token;
            }

            var client = run.ClientFor(address, credential);
            var caller = await client.WhoAmIAsync(run.Ct);
            var team = run.Parse.GetValue(app.TeamOption) is { } givenTeam
                ? TeamOfCaller(caller, givenTeam)
                : caller.Team?.Id ?? (caller.Teams is [var only] ? only.Id : null);
            var project = run.Parse.GetValue(app.ProjectOption) is { } given
                ? await ReachableProjectAsync(client, given, run.Ct)
                : await OnlyProjectAsync(client, run.Ct);
            var profile = new Profile(address, credential, project, team);
            run.Profiles.Save(run.ProfileName, profile);
            run.Output.Show(
                new { profile = run.ProfileName, server = address, caller.Type, caller.Id, caller.Name, team_id = team, project_id = project },
                w => w.WriteLine(
                    $"Logged in to {address} as {TerminalText.Line(caller.Name)} ({TerminalText.Line(caller.Type)}); profile '{run.ProfileName}' saved to {run.Profiles.FilePath}"
                    + (project is { } p ? $", project {p}" : string.Empty)));
        });
        return command;
    }

    // The team commands go to the profile's team: one the credential is not in would be saved and refused by every one.
    private static Guid TeamOfCaller(WhoAmIResponse caller, Guid team)
    {
        IReadOnlyList<Guid> teams = caller.Team is { } keyTeam ? [keyTeam.Id] : [.. (caller.Teams ?? []).Select(t => t.Id)];
        return teams.Contains(team)
            ? team
            : throw new UsageException(
                $"--team {team} is not a team of this credential (its teams: {(teams.Count == 0 ? "none" : string.Join(", ", teams))}); no profile was saved.");
    }

    // The issue commands go to the profile's project: a first page of its issues shows that it exists and that the
    // credential may read it, where an id mistyped or of another team would otherwise be saved and fail every command.
    private static async Task<Guid> ReachableProjectAsync(OwlmetryIssuesClient client, Guid project, CancellationToken ct)
    {
        try
        {
            await client.ListIssuesAsync(project, new IssueListQuery { PageSize = 1 }, ct).FirstOrDefaultAsync(ct);
            return project;
        }
        catch (OwlmetryApiException refused) when (refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            throw new UsageException($"--project {project} cannot be used with this credential: {refused.Error} ({(int)refused.StatusCode}); no profile was saved.");
        }
    }

    // A key without projects:read cannot list them: then there is simply no default project.
    private static async Task<Guid?> OnlyProjectAsync(OwlmetryIssuesClient client, CancellationToken ct)
    {
        try
        {
            return await client.ListProjectsAsync(ct) is [var only] ? only.Id : null;
        }
        catch (OwlmetryApiException)
        {
            return null;
        }
    }
}
