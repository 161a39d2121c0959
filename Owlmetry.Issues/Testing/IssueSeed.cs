using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Testing;

/// <summary>What <see cref="InMemoryIssues.SeedIssueAsync"/> creates: an issue of an app and its occurrences.</summary>
/// <param name="AppId">The app of the issue (added with <see cref="InMemoryIssues.AddApp"/>).</param>
/// <param name="Title">The issue title.</param>
public sealed record IssueSeed(Guid AppId, string Title)
{
    /// <summary>The status; default new.</summary>
    public IssueStatus Status { get; init; } = IssueStatus.New;

    /// <summary>The fix version, for resolved issues.</summary>
    public string? ResolvedAtVersion { get; init; }

    /// <summary>Whether the issue is a dev issue.</summary>
    public bool IsDev { get; init; }

    /// <summary>The source module.</summary>
    public string? SourceModule { get; init; }

    /// <summary>
    /// The fingerprints. When empty, the one the harness's fingerprint strategy gives an error whose message is the title
    /// and whose module is <see cref="SourceModule"/>, so that such an error, scanned later, joins the seeded issue.
    /// </summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    /// <summary>The occurrences; one in a fresh session at the clock's time when empty.</summary>
    public IReadOnlyList<OccurrenceSeed> Occurrences { get; init; } = [];
}
