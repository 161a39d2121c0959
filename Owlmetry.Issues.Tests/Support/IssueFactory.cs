using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds domain issues with valid defaults for rule tests that need no store.</summary>
internal static class IssueFactory
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static Issue Create(
        IssueStatus status = IssueStatus.New, string? resolvedAtVersion = null, DateTimeOffset? snoozedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        ProjectId = Guid.NewGuid(),
        AppId = Guid.NewGuid(),
        Status = status,
        Title = "Connection refused",
        ResolvedAtVersion = resolvedAtVersion,
        SnoozedAt = snoozedAt,
        FirstSeenAt = Epoch,
        LastSeenAt = Epoch,
        CreatedAt = Epoch,
        UpdatedAt = Epoch,
    };
}
