using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Notifications;

/// <summary>Which issues a digest lists (CONTRACT §9), written once for the in-memory store and the digest itself.</summary>
internal static class DigestRules
{
    public static bool IsAwaitingDigest(Issue issue) =>
        !issue.IsDev
        && issue.Status is IssueStatus.New or IssueStatus.Regressed
        && (issue.LastNotifiedAt is not { } notified || issue.UpdatedAt > notified);
}
