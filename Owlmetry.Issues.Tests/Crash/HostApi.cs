using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Host.Bootstrap;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>The few calls the host crash tests make with the agent key: trigger a scan, list runs, sum the issues' counts.</summary>
internal sealed class HostApi(HttpClient agent, InitialCredentials credentials)
{
    /// <summary>POST jobs/trigger: answers when the scan is done.</summary>
    /// <returns>The finished run.</returns>
    public async Task<JsonNode> TriggerScanAsync(CancellationToken ct = default)
    {
        using var response = await agent.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/jobs/trigger", new { job_type = "issue_scan" }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"trigger: {body}");
        return JsonNode.Parse(body)!["job_run"]!;
    }

    public async Task<IReadOnlyList<JsonNode>> ListRunsAsync()
    {
        var body = JsonNode.Parse(await agent.GetStringAsync($"/v1/teams/{credentials.TeamId}/jobs"))!;
        return [.. body["job_runs"]!.AsArray().Select(run => run!)];
    }

    /// <summary>Every issue of the project (the test's few issues fit one page).</summary>
    public async Task<IReadOnlyList<JsonNode>> ListIssuesAsync()
    {
        var body = JsonNode.Parse(await agent.GetStringAsync($"/v1/projects/{credentials.ProjectId}/issues?limit=200"))!;
        Assert.That(body["has_more"]!.GetValue<bool>(), Is.False, "the project has more issues than one page");
        return [.. body["issues"]!.AsArray().Select(issue => issue!)];
    }

    public async Task<int> SumOccurrenceCountsAsync() =>
        (await ListIssuesAsync()).Sum(issue => issue["occurrence_count"]!.GetValue<int>());
}
