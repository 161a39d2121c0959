namespace Owlmetry.Issues.Contracts;

/// <summary>A webhook without its secret.</summary>
/// <param name="Id">The webhook's id.</param>
/// <param name="Url">Where it delivers.</param>
/// <param name="Events">The notification types it delivers.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
