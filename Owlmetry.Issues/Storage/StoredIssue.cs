using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// For storage providers: rebuilds an issue read back from storage in the lifecycle state it was stored in. Everywhere
/// else an issue's status changes only through the lifecycle state machine, in the issue service and the scan.
/// </summary>
public static class StoredIssue
{
    /// <summary>Gives <paramref name="issue"/> the lifecycle state and the claim a provider read from storage.</summary>
    /// <param name="issue">The issue rebuilt from its stored fields.</param>
    /// <param name="status">The stored status.</param>
    /// <param name="resolvedAtVersion">The stored version that resolved it, if any.</param>
    /// <param name="snoozedAt">When it was snoozed, if it is.</param>
    /// <param name="claim">The stored claim, lapsed or not, or null.</param>
    /// <returns>The issue with that lifecycle state and claim.</returns>
    public static Issue Restore(Issue issue, IssueStatus status, string? resolvedAtVersion, DateTimeOffset? snoozedAt, IssueClaim? claim = null)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue with { Status = status, ResolvedAtVersion = resolvedAtVersion, SnoozedAt = snoozedAt, Claim = claim };
    }
}
