using System.Globalization;
using System.Text;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using static Owlmetry.Issues.AspNetCore.Mcp.OutsideText;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// The MCP tools' answers as compact text for a model's context: one line per issue, occurrence or comment, fields that
/// have no value left out, UTC times to the second, and the cursor of the next page when there is one. Every text that
/// outside parties control goes through <see cref="OutsideText"/>: a value is a JSON string, a comment's body indented,
/// so that none of it can add a line or a field to the answer.
/// </summary>
internal static class McpText
{
    public static string IssuePage(IssuePage page)
    {
        if (page.Issues.Count == 0)
        {
            return "No issues.";
        }

        var text = new StringBuilder();
        foreach (var item in page.Issues)
        {
            text.Append("- ").AppendLine(IssueLine(item));
        }

        if (page.HasMore && page.Cursor is not null)
        {
            text.Append("next cursor: ").AppendLine(page.Cursor);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One issue: id, status, title, counts, last seen, then whichever of app, project, version and dev it has.</summary>
    public static string IssueLine(IssueListItem item)
    {
        var issue = item.Issue;
        var parts = new List<string>
        {
            $"{issue.Id} [{issue.Status.ToWireName()}] {Quoted(issue.Title)}",
            Counts(issue),
            $"last seen {Time(issue.LastSeenAt)}",
        };
        if (item.ProjectName is not null)
        {
            parts.Add($"project {Quoted(item.ProjectName)} {issue.ProjectId}");
        }

        if (item.AppName is not null)
        {
            parts.Add($"app {Quoted(item.AppName)}");
        }

        if (issue.ResolvedAtVersion is not null)
        {
            parts.Add($"resolved in {Quoted(issue.ResolvedAtVersion)}");
        }

        if (issue.IsDev)
        {
            parts.Add("dev");
        }

        if (issue.Claim is { } claim)
        {
            parts.Add(Claim(claim));
        }

        return string.Join(" | ", parts);
    }

    /// <summary>Who holds a claim and until when: <c>claimed by agent "triage-bot" (id) until 2026-01-01T10:15:00Z</c>.</summary>
    private static string Claim(IssueClaim claim) => $"claimed by {Holder(claim)}";

    public static string IssueDetail(IssueDetail detail)
    {
        var issue = detail.Item.Issue;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Issue {issue.Id} [{issue.Status.ToWireName()}] {Quoted(issue.Title)}");
        Field(text, "project", detail.Item.ProjectName is { } projectName ? $"{Quoted(projectName)} {issue.ProjectId}" : issue.ProjectId.ToString());
        Field(text, "app", detail.Item.AppName is { } appName ? $"{Quoted(appName)} {issue.AppId}" : issue.AppId.ToString());
        Field(text, "source module", issue.SourceModule is { } module ? Quoted(module) : null);
        Field(text, "data", issue.IsDev ? "development" : null);
        Field(text, "counts", Counts(issue));
        Field(text, "first seen", Seen(issue.FirstSeenAt, issue.FirstSeenAppVersion, issue.FirstSeenSdkVersion));
        Field(text, "last seen", Seen(issue.LastSeenAt, issue.LastSeenAppVersion, issue.LastSeenSdkVersion));
        Field(text, "resolved in", issue.ResolvedAtVersion is { } version ? Quoted(version) : null);
        Field(text, "snoozed at", issue.SnoozedAt is { } snoozedAt ? Time(snoozedAt) : null);
        Field(text, "updated", Time(issue.UpdatedAt));
        Field(text, "claim", issue.Claim is { } claim ? Holder(claim) : null);

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Occurrences (newest first, {detail.Occurrences.Count} shown):");
        foreach (var occurrence in detail.Occurrences)
        {
            text.Append("- ").AppendLine(OccurrenceLine(occurrence));
        }

        if (detail.OccurrenceHasMore && detail.OccurrenceCursor is not null)
        {
            text.Append("next occurrence_cursor: ").AppendLine(detail.OccurrenceCursor);
        }

        if (detail.Comments.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Comments ({detail.Comments.Count}, oldest first):");
            foreach (var comment in detail.Comments)
            {
                text.Append("- ").AppendLine(CommentLine(comment));
            }
        }

        if (detail.Attachments.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Attachments ({detail.Attachments.Count}):");
            foreach (var attachment in detail.Attachments)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {attachment.Id} {Quoted(attachment.OriginalFilename)} ({Quoted(attachment.ContentType)}, {attachment.SizeBytes} bytes)");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A comment: its header, then its body from the same line on, every further line of it indented.</summary>
    public static string CommentLine(IssueComment comment)
    {
        var edited = comment.UpdatedAt > comment.CreatedAt ? $", edited {Time(comment.UpdatedAt)}" : string.Empty;
        return $"{comment.Id} by {Quoted(comment.Author.Name)} ({comment.Author.Type.ToWireName()}) at {Time(comment.CreatedAt)}{edited}: "
            + Indented(comment.Body);
    }

    private static string OccurrenceLine(IssueOccurrence occurrence)
    {
        var parts = new List<string> { Time(occurrence.Timestamp), $"session {occurrence.SessionId}" };
        Add(parts, "user", occurrence.UserId);
        Add(parts, "app", occurrence.AppVersion);
        Add(parts, "sdk", occurrence.SdkName is null ? occurrence.SdkVersion : $"{occurrence.SdkName} {occurrence.SdkVersion}".TrimEnd());
        Add(parts, "env", occurrence.Environment);
        Add(parts, "country", occurrence.CountryCode);
        parts.Add($"event {occurrence.EventId}");
        return string.Join(" | ", parts);
    }

    private static string Holder(IssueClaim claim) =>
        $"{claim.HolderKind.ToWireName()} {Quoted(claim.HolderName)} ({claim.HolderId}) until {Time(claim.ExpiresAt)}";

    private static string Counts(Issue issue) =>
        issue.UniqueUserCount > 0
            ? $"{Plural(issue.OccurrenceCount, "occurrence")}, {Plural(issue.UniqueUserCount, "user")}"
            : Plural(issue.OccurrenceCount, "occurrence");

    private static string Seen(DateTimeOffset at, string? appVersion, string? sdkVersion)
    {
        var parts = new List<string> { Time(at) };
        Add(parts, "app", appVersion);
        Add(parts, "sdk", sdkVersion);
        return string.Join(", ", parts);
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {value}");
        }
    }

    /// <summary>An outside value of an occurrence or a sighting, quoted, when it has one.</summary>
    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name} {Quoted(value)}");
        }
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
