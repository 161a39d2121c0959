using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds an <see cref="IssueOccurrence"/> of a new session at <see cref="TestTimes.Base"/>.</summary>
internal sealed class OccurrenceBuilder
{
    private IssueOccurrence _occurrence;

    public OccurrenceBuilder(Guid issueId)
    {
        _occurrence = new IssueOccurrence
        {
            Id = Guid.NewGuid(),
            IssueId = issueId,
            SessionId = Guid.NewGuid(),
            EventId = Guid.NewGuid(),
            Timestamp = TestTimes.Base,
            CreatedAt = TestTimes.Base,
        };
    }

    public OccurrenceBuilder WithId(Guid id) => With(_occurrence with { Id = id });

    public OccurrenceBuilder InSession(Guid sessionId) => With(_occurrence with { SessionId = sessionId });

    public OccurrenceBuilder At(DateTimeOffset timestamp) => With(_occurrence with { Timestamp = timestamp });

    public OccurrenceBuilder ForUser(string? userId) => With(_occurrence with { UserId = userId });

    public OccurrenceBuilder WithVersions(string? appVersion, string? sdkVersion) =>
        With(_occurrence with { AppVersion = appVersion, SdkVersion = sdkVersion });

    /// <summary>Gives every optional member a value.</summary>
    public OccurrenceBuilder WithAllFieldsSet() => With(_occurrence with
    {
        UserId = "user-8812",
        AppUserId = Guid.NewGuid(),
        AppVersion = "2.4.0",
        SdkName = "owlmetry-swift",
        SdkVersion = "1.1.0",
        Environment = "ios",
        CountryCode = "DE",
        Timestamp = TestTimes.At(5),
        CreatedAt = TestTimes.At(6),
    });

    public IssueOccurrence Build() => _occurrence;

    private OccurrenceBuilder With(IssueOccurrence occurrence)
    {
        _occurrence = occurrence;
        return this;
    }
}
