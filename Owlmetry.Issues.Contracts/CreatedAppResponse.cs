namespace Owlmetry.Issues.Contracts;

/// <summary>A new app with its client key, which is shown only this once.</summary>
/// <param name="Id">The app's id.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="Name">Its name.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="BundleId">Its bundle id, if any.</param>
/// <param name="ClientSecret">The app's client key, to send events with.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CreatedAppResponse(
    Guid Id, Guid TeamId, Guid ProjectId, string Name, string Platform, string? BundleId, string ClientSecret, DateTimeOffset CreatedAt);
