namespace Owlmetry.Issues.Host.Contracts;

public sealed record ProjectDetailResponse(
    Guid Id,
    Guid TeamId,
    string Name,
    string Slug,
    string Color,
    int? RetentionDaysEvents,
    int EffectiveRetentionDaysEvents,
    string? IssueAlertFrequency,
    string EffectiveIssueAlertFrequency,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AppResponse> Apps);
