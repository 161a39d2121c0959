using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds an <see cref="Issue"/>: a new production issue of <see cref="TestIds.Project"/> unless told otherwise.</summary>
internal sealed class IssueBuilder
{
    private Issue _issue = new()
    {
        Id = Guid.NewGuid(),
        ProjectId = TestIds.Project,
        AppId = TestIds.App,
        Title = "NullReferenceException in CheckoutViewModel.Submit",
        FirstSeenAt = TestTimes.Base,
        LastSeenAt = TestTimes.Base,
        CreatedAt = TestTimes.Base,
        UpdatedAt = TestTimes.Base,
    };

    public IssueBuilder WithId(Guid id) => With(_issue with { Id = id });

    public IssueBuilder InProject(Guid projectId) => With(_issue with { ProjectId = projectId });

    public IssueBuilder ForApp(Guid appId) => With(_issue with { AppId = appId });

    public IssueBuilder WithStatus(IssueStatus status) => With(_issue with { Status = status });

    public IssueBuilder WithTitle(string title) => With(_issue with { Title = title });

    public IssueBuilder AsDev(bool isDev = true) => With(_issue with { IsDev = isDev });

    public IssueBuilder WithOccurrenceCount(int count) => With(_issue with { OccurrenceCount = count });

    public IssueBuilder WithUniqueUserCount(int count) => With(_issue with { UniqueUserCount = count });

    public IssueBuilder WithFirstSeenAt(DateTimeOffset time) => With(_issue with { FirstSeenAt = time });

    public IssueBuilder WithLastSeenAt(DateTimeOffset time) => With(_issue with { LastSeenAt = time });

    public IssueBuilder WithUpdatedAt(DateTimeOffset time) => With(_issue with { UpdatedAt = time });

    public IssueBuilder WithFingerprints(params string[] hashes) => With(_issue with { Fingerprints = hashes });

    public IssueBuilder WithResolvedAtVersion(string? version) => With(_issue with { ResolvedAtVersion = version });

    public IssueBuilder WithSnoozedAt(DateTimeOffset? time) => With(_issue with { SnoozedAt = time });

    /// <summary>Gives every optional member a value, each distinct from the others.</summary>
    public IssueBuilder WithAllFieldsSet() => With(_issue with
    {
        Status = IssueStatus.Snoozed,
        SourceModule = "Checkout.Payments",
        IsDev = true,
        OccurrenceCount = 42,
        UniqueUserCount = 7,
        ResolvedAtVersion = "2.4.1",
        FirstSeenAppVersion = "2.3.0",
        LastSeenAppVersion = "2.4.0 (512)",
        FirstSeenSdkVersion = "1.0.0-beta.2",
        LastSeenSdkVersion = "1.1.0",
        FirstSeenAt = TestTimes.At(-86_400_000),
        LastSeenAt = TestTimes.At(1),
        LastNotifiedAt = TestTimes.At(2),
        SnoozedAt = TestTimes.At(3),
        CreatedAt = TestTimes.At(-86_400_001),
        UpdatedAt = TestTimes.At(4),
        Fingerprints = ["3f2a", "b7c9"],
        Claim = new IssueClaim(ActorKind.Agent, Guid.Parse("c1a1c1a1-0000-4000-8000-000000000001"), "  triage-bot 🦉 ", TestTimes.At(5), TestTimes.At(900_006)),
    });

    public Issue Build() => _issue;

    private IssueBuilder With(Issue issue)
    {
        _issue = issue;
        return this;
    }
}
