using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>
/// What a refused request must leave as it was, read straight from the stores: events and scans, every issue with
/// occurrences or seeded (status, counts, versions, comments, audit, attachments), attachment bytes, and the two teams'
/// directory (projects, apps, keys, members, webhooks, the owner's teams). A partial write shows as a difference.
/// </summary>
internal static class StoreFingerprint
{
    public static async Task<string> TakeAsync(FuzzWorld world)
    {
        var teams = new[] { world.Team, world.OtherTeam };
        var issueIds = world.Ids.Concat(world.OtherTeamIds).Where(p => p.Key == "issueId").Select(p => p.Value);
        var attachmentIds = world.Ids.Where(p => p.Key == "attachmentId").Select(p => p.Value);
        var text = new StringBuilder(await world.Factory.IssueStore.ReadAsync(async reader =>
        {
            var issues = new StringBuilder()
                .AppendLine($"events {await reader.GetLastEventSequenceAsync()}, checkpoint {await reader.GetScanCheckpointAsync()}, runs {(await reader.ListScanRunsAsync(1_000)).Count}");
            var occurrences = await reader.CountOccurrencesByIssueAsync();
            foreach (var id in occurrences.Keys.Concat(issueIds).Distinct().Order())
            {
                var issue = await reader.FindIssueAsync(id);
                issues.AppendLine(issue is null ? $"issue {id} absent" : string.Join(
                    ' ',
                    $"issue {id} {issue.Status} {issue.Title} updated {issue.UpdatedAt:O} count {issue.OccurrenceCount}/{occurrences.GetValueOrDefault(id)}",
                    $"users {issue.UniqueUserCount} resolved {issue.ResolvedAtVersion} fingerprints {issue.Fingerprints.Count}",
                    $"comments {string.Join(',', (await reader.ListCommentsAsync(id)).Select(c => $"{c.Id}@{c.UpdatedAt:O}"))}",
                    $"audit {(await reader.ListAuditRecordsAsync(id)).Count} attachments {(await reader.ListAttachmentsAsync(id, 1_000)).Count}"));
            }

            foreach (var id in attachmentIds)
            {
                issues.AppendLine($"attachment {await reader.FindAttachmentAsync(id)}");
            }

            foreach (var team in teams)
            {
                issues.AppendLine($"attachment bytes {await reader.GetProjectAttachmentBytesAsync(team.Project.Id)}");
            }

            return issues.ToString();
        }));

        var directory = world.Factory.Directory;
        var webhooks = world.Factory.Services.GetRequiredService<IWebhookStore>();
        var teamIds = teams.Select(t => t.Team.Id).ToArray();
        foreach (var project in await directory.ListProjectsAsync(teamIds))
        {
            text.AppendLine($"{project} apps {string.Join(',', await directory.ListAppsAsync(project.Id))}");
        }

        text.AppendLine($"keys {string.Join(',', (await directory.ListKeysAsync(teamIds)).Select(k => $"{k.Id}:{k.RevokedAt}"))}");
        foreach (var team in teams)
        {
            text.AppendLine($"members {string.Join(',', await directory.ListMembershipsOfTeamAsync(team.Team.Id))}");
            text.AppendLine($"webhooks {string.Join(',', await webhooks.ListWebhooksAsync(team.Team.Id))}");
            text.AppendLine($"owner's teams {(await directory.ListMembershipsOfUserAsync(team.Users[TeamRole.Owner].User.Id)).Count}");
        }

        return text.ToString();
    }
}
