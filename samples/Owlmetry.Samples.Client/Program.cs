// A triage script on the .NET client: lists a project's new issues, most frequent first, and resolves the ones named on
// the command line. Usage: OWLMETRY_URL=http://localhost:4000 OWLMETRY_API_KEY=owl_agent_… dotnet run -- PROJECT_ID
// [ISSUE_ID VERSION]…
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

if (args.Length == 0 || !Guid.TryParse(args[0], out var projectId) || args.Length % 2 == 0)
{
    Console.Error.WriteLine("usage: Owlmetry.Samples.Client PROJECT_ID [ISSUE_ID VERSION]...");
    return 2;
}

var agentKey = Environment.GetEnvironmentVariable("OWLMETRY_API_KEY");
var services = new ServiceCollection();

#region UseClient
services.AddOwlmetryIssuesClient(o =>
{
    o.BaseAddress = new Uri(Environment.GetEnvironmentVariable("OWLMETRY_URL") ?? "http://localhost:4000");
    o.ApiKey = agentKey;                       // an agent key, a client key (ingest) or a user token from LoginAsync
});
using var provider = services.BuildServiceProvider();

var owlmetry = provider.GetRequiredService<OwlmetryIssuesClient>();
await foreach (var issue in owlmetry.ListIssuesAsync(projectId, new IssueListQuery { Status = "new", Sort = "occurrences" }))
{
    Console.WriteLine($"{issue.OccurrenceCount,5}  {issue.Id}  {issue.Title}");
}
#endregion

try
{
    for (var i = 1; i < args.Length; i += 2)
    {
        #region ResolveIssue
        var resolved = await owlmetry.UpdateIssueStatusAsync(projectId, Guid.Parse(args[i]), "resolved", resolvedAtVersion: args[i + 1]);
        #endregion
        Console.WriteLine($"resolved {resolved.Id} at {resolved.ResolvedAtVersion}");
    }
}
catch (OwlmetryApiException refused)
{
    // The server's refusal: its status code and the `error` text of its problem body.
    Console.Error.WriteLine($"{(int)refused.StatusCode}: {refused.Error}");
    return 1;
}

return 0;
