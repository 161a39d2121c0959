namespace Owlmetry.Issues.Contracts;

/// <summary>An occurrence as the API returns it.</summary>
/// <param name="Id">The occurrence id.</param>
/// <param name="IssueId">The issue id.</param>
/// <param name="SessionId">The SDK session.</param>
/// <param name="UserId">The SDK's user id.</param>
/// <param name="AppUserId">The app-user directory id, where the host has one.</param>
/// <param name="AppVersion">The app version.</param>
/// <param name="SdkName">The SDK name.</param>
/// <param name="SdkVersion">The SDK version.</param>
/// <param name="Environment">The runtime environment.</param>
/// <param name="EventId">The event id.</param>
/// <param name="CountryCode">The sender's country.</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="CreatedAt">When the occurrence was recorded.</param>
public sealed record OccurrenceResponse(
    Guid Id, Guid IssueId, Guid SessionId, string? UserId, Guid? AppUserId, string? AppVersion, string? SdkName,
    string? SdkVersion, string? Environment, Guid EventId, string? CountryCode, DateTimeOffset Timestamp, DateTimeOffset CreatedAt);
